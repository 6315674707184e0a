# VirtLab Companion — Windows host probe.
# One PowerShell process reads every CIM/WMI class and registry key the host check needs and writes
# ONE UTF-8 JSON document: { "<probe id>": { "ok": true, "value": ... } | { "ok": false, "error": "..." } }.
# Property names never translate, so nothing here depends on the Windows display language.
# It changes nothing on the machine.

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8

$result = [ordered]@{}

function Add-Section {
    param([string]$Name, [scriptblock]$Block)
    try {
        $value = & $Block
        $result[$Name] = [ordered]@{ ok = $true; value = $value }
    }
    catch {
        $result[$Name] = [ordered]@{ ok = $false; error = $_.Exception.Message }
    }
}

Add-Section 'win.computersystem' {
    Get-CimInstance -ClassName Win32_ComputerSystem |
        Select-Object -Property 'Manufacturer', 'Model', 'SystemFamily', 'HypervisorPresent', 'TotalPhysicalMemory', 'SystemType'
}

Add-Section 'win.processor' {
    @(Get-CimInstance -ClassName Win32_Processor |
        Select-Object -Property 'Name', 'Manufacturer', 'NumberOfCores', 'NumberOfLogicalProcessors', 'VMMonitorModeExtensions', 'VirtualizationFirmwareEnabled', 'SecondLevelAddressTranslationExtensions', 'Architecture')
}

Add-Section 'win.os' {
    Get-CimInstance -ClassName Win32_OperatingSystem |
        Select-Object -Property 'Caption', 'Version', 'BuildNumber', 'OSArchitecture', 'OSLanguage', 'MUILanguages'
}

Add-Section 'win.bios' {
    Get-CimInstance -ClassName Win32_BIOS | Select-Object -Property 'Manufacturer', 'SMBIOSBIOSVersion', 'ReleaseDate'
}

Add-Section 'win.deviceguard' {
    Get-CimInstance -Namespace 'root\Microsoft\Windows\DeviceGuard' -ClassName Win32_DeviceGuard |
        Select-Object -Property 'VirtualizationBasedSecurityStatus', 'SecurityServicesRunning', 'SecurityServicesConfigured'
}

Add-Section 'win.optional-features' {
    $names = @('Microsoft-Hyper-V-All', 'Microsoft-Hyper-V', 'Microsoft-Hyper-V-Hypervisor', 'VirtualMachinePlatform',
        'HypervisorPlatform', 'Containers-DisposableClientVM', 'Microsoft-Windows-Subsystem-Linux')
    $filter = ($names | ForEach-Object { "Name='$_'" }) -join ' OR '
    @(Get-CimInstance -ClassName Win32_OptionalFeature -Filter $filter | Select-Object -Property 'Name', 'InstallState')
}

Add-Section 'win.bcdedit' {
    # Needs an administrator; otherwise it fails and the check reads it as "denied".
    $output = & bcdedit.exe /enum '{current}' 2>&1
    if ($LASTEXITCODE -ne 0) { throw (($output | Out-String).Trim()) }
    ($output | Out-String)
}

Add-Section 'win.services' {
    $filter = "Name LIKE 'VM%' OR Name LIKE 'VMware%' OR Name LIKE 'VBox%' OR Name='vmcompute' OR Name='vmms' OR Name='HvHost' OR Name='LxssManager' OR Name='WSLService'"
    @(Get-CimInstance -ClassName Win32_Service -Filter $filter | Select-Object -Property 'Name', 'DisplayName', 'State', 'StartMode')
}

Add-Section 'win.netadapters' {
    $configs = @{}
    foreach ($config in Get-CimInstance -ClassName Win32_NetworkAdapterConfiguration) { $configs[[string]$config.Index] = $config }
    @(Get-CimInstance -ClassName Win32_NetworkAdapter -Filter "PhysicalAdapter=TRUE OR Name LIKE '%VMware%'" | ForEach-Object {
        $config = $configs[[string]$_.DeviceID]
        [pscustomobject][ordered]@{
            Name                = $_.Name
            NetConnectionID     = $_.NetConnectionID
            NetEnabled          = $_.NetEnabled
            NetConnectionStatus = $_.NetConnectionStatus
            IPAddress           = @(if ($config) { $config.IPAddress })
            IPSubnet            = @(if ($config) { $config.IPSubnet })
        }
    })
}

Add-Section 'win.vmware-registry' {
    # Workstation 26H1 is 64-bit and writes the plain key; older versions write WOW6432Node.
    @('HKLM:\SOFTWARE\VMware, Inc.\VMware Workstation', 'HKLM:\SOFTWARE\WOW6432Node\VMware, Inc.\VMware Workstation',
      'HKLM:\SOFTWARE\VMware, Inc.\VMware Player', 'HKLM:\SOFTWARE\WOW6432Node\VMware, Inc.\VMware Player') | ForEach-Object {
        if (Test-Path -LiteralPath $_) {
            $item = Get-ItemProperty -LiteralPath $_
            [pscustomobject][ordered]@{
                Key            = $_
                InstallPath    = $item.InstallPath
                ProductVersion = $item.ProductVersion
                ProductCode    = $item.ProductCode
            }
        }
    }
}

Add-Section 'win.uninstall' {
    $roots = @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*')
    @(Get-ItemProperty -Path $roots -ErrorAction SilentlyContinue |
        Where-Object { $_.DisplayName -match 'VMware|VirtualBox|Docker|Podman|QEMU|Parallels' } |
        Select-Object -Property 'DisplayName', 'DisplayVersion', 'Publisher')
}

Add-Section 'win.wsl' {
    $lxss = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Lxss'
    if (Test-Path -LiteralPath $lxss) {
        @(Get-ChildItem -LiteralPath $lxss | ForEach-Object {
            Get-ItemProperty -LiteralPath $_.PSPath | Select-Object -Property 'DistributionName', 'Version'
        })
    }
    else { @() }
}

$result | ConvertTo-Json -Depth 6 -Compress
