# VirtLab Companion - Windows host probe. It changes nothing on the machine.
# The app passes this text with -EncodedCommand (so no file execution policy applies) to 64-bit
# Windows PowerShell. Each section prints ONE line as soon as it is done:
#   {"id":"<probe id>","ok":true,"ms":12,"value":...}  or  {"id":"<probe id>","ok":false,"error":"..."}
# so the app keeps every section that arrived even if it has to stop this process at its deadline.
# Lines are pure ASCII (other characters escaped as \uXXXX): no console code page can garble them.
# Property names never translate, so nothing here depends on the Windows display language.
# Constrained Language Mode: no .NET calls outside the core types; the one that is not allowed there
# (the encoding line) is guarded. Errors never stop the script: each section catches its own.

$ErrorActionPreference = 'Continue'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }

# Seconds one CIM query may take before it gives up on its own.
$budget = 6

function ConvertTo-AsciiJson {
    param($Value)
    $json = ConvertTo-Json -InputObject $Value -Depth 6 -Compress
    if ($json -notmatch '[^\x00-\x7F]') { return $json }
    $out = ''
    foreach ($c in $json.ToCharArray()) {
        $code = [int]$c
        if ($code -lt 128) { $out += $c } else { $out += ('\u{0:x4}' -f $code) }
    }
    $out
}

function Write-Section {
    param([string]$Id, [scriptblock]$Block)
    $started = Get-Date
    try {
        $value = & $Block
        $line = [ordered]@{ id = $Id; ok = $true; ms = [int]((Get-Date) - $started).TotalMilliseconds; value = $value }
    }
    catch {
        $line = [ordered]@{ id = $Id; ok = $false; error = [string]$_.Exception.Message }
    }
    try { ConvertTo-AsciiJson $line }
    catch { '{"id":"' + $Id + '","ok":false,"error":"the section could not be written as JSON"}' }
}

function Get-Cim {
    param([string]$Class, [string]$Namespace = 'root\cimv2', [string]$Filter)
    if ($Filter) { Get-CimInstance -Namespace $Namespace -ClassName $Class -Filter $Filter -OperationTimeoutSec $budget -ErrorAction Stop }
    else { Get-CimInstance -Namespace $Namespace -ClassName $Class -OperationTimeoutSec $budget -ErrorAction Stop }
}

Write-Section 'win.computersystem' {
    Get-Cim 'Win32_ComputerSystem' |
        Select-Object -Property 'Manufacturer', 'Model', 'SystemFamily', 'HypervisorPresent', 'PCSystemType', 'PCSystemTypeEx', 'TotalPhysicalMemory', 'SystemType'
}

Write-Section 'win.processor' {
    @(Get-Cim 'Win32_Processor' |
        Select-Object -Property 'Name', 'Manufacturer', 'NumberOfCores', 'NumberOfLogicalProcessors', 'VMMonitorModeExtensions', 'VirtualizationFirmwareEnabled', 'SecondLevelAddressTranslationExtensions', 'Architecture')
}

Write-Section 'win.os' {
    Get-Cim 'Win32_OperatingSystem' |
        Select-Object -Property 'Caption', 'Version', 'BuildNumber', 'OSArchitecture', 'OSLanguage', 'MUILanguages'
}

Write-Section 'win.bios' {
    Get-Cim 'Win32_BIOS' | Select-Object -Property 'Manufacturer', 'SMBIOSBIOSVersion', 'Version', 'BIOSVersion', 'ReleaseDate'
}

Write-Section 'win.baseboard' {
    @(Get-Cim 'Win32_BaseBoard' | Select-Object -Property 'Manufacturer', 'Product')
}

Write-Section 'win.enclosure' {
    @(Get-Cim 'Win32_SystemEnclosure' | Select-Object -Property 'Manufacturer', 'ChassisTypes')
}

Write-Section 'win.hyperv-guest' {
    # Present only inside a Hyper-V guest (its data exchange service writes it). Host names are not read.
    [ordered]@{ Present = (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Virtual Machine\Guest\Parameters') }
}

Write-Section 'win.devices' {
    @(Get-Cim 'Win32_DiskDrive' | Select-Object -Property @{ Name = 'Class'; Expression = { 'disk' } }, @{ Name = 'Name'; Expression = { $_.Model } }) +
    @(Get-Cim 'Win32_VideoController' | Select-Object -Property @{ Name = 'Class'; Expression = { 'video' } }, 'Name')
}

Write-Section 'win.deviceguard' {
    Get-Cim 'Win32_DeviceGuard' 'root\Microsoft\Windows\DeviceGuard' |
        Select-Object -Property 'VirtualizationBasedSecurityStatus', 'SecurityServicesRunning', 'SecurityServicesConfigured', 'AvailableSecurityProperties'
}

Write-Section 'win.optional-features' {
    $names = @('Microsoft-Hyper-V-All', 'Microsoft-Hyper-V', 'Microsoft-Hyper-V-Hypervisor', 'VirtualMachinePlatform',
        'HypervisorPlatform', 'Containers-DisposableClientVM', 'Windows-Defender-ApplicationGuard', 'Microsoft-Windows-Subsystem-Linux')
    $filter = ($names | ForEach-Object { "Name='$_'" }) -join ' OR '
    @(Get-Cim 'Win32_OptionalFeature' -Filter $filter | Select-Object -Property 'Name', 'InstallState')
}

Write-Section 'win.bcdedit' {
    # Needs an administrator; otherwise it fails and the check reads it as "denied". Its stderr is
    # merged and turned into text, so it never becomes a terminating error.
    $bcdedit = Join-Path $env:SystemRoot 'System32\bcdedit.exe'
    $output = @(& $bcdedit /enum '{current}' 2>&1 | ForEach-Object { [string]$_ })
    $text = ($output -join "`n").Trim()
    if ($LASTEXITCODE -ne 0) { throw $text }
    $text
}

Write-Section 'win.services' {
    $filter = "Name LIKE 'VM%' OR Name LIKE 'VMware%' OR Name LIKE 'VBox%' OR Name='vmcompute' OR Name='vmms' OR Name='HvHost' OR Name='LxssManager' OR Name='WSLService'"
    @(Get-Cim 'Win32_Service' -Filter $filter | Select-Object -Property 'Name', 'DisplayName', 'State', 'StartMode')
}

Write-Section 'win.netadapters' {
    $configs = @{}
    foreach ($config in Get-Cim 'Win32_NetworkAdapterConfiguration') { $configs[[string]$config.Index] = $config }
    @(Get-Cim 'Win32_NetworkAdapter' -Filter "PhysicalAdapter=TRUE OR Name LIKE '%VMware%'" | ForEach-Object {
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

Write-Section 'win.vmware-registry' {
    # Workstation 26H1 is 64-bit and writes the plain key; older versions write WOW6432Node.
    @(@('HKLM:\SOFTWARE\VMware, Inc.\VMware Workstation', 'HKLM:\SOFTWARE\WOW6432Node\VMware, Inc.\VMware Workstation',
      'HKLM:\SOFTWARE\VMware, Inc.\VMware Player', 'HKLM:\SOFTWARE\WOW6432Node\VMware, Inc.\VMware Player') | ForEach-Object {
        if (Test-Path -LiteralPath $_) {
            $item = Get-ItemProperty -LiteralPath $_ -ErrorAction Stop
            [pscustomobject][ordered]@{
                Key            = $_
                InstallPath    = $item.InstallPath
                ProductVersion = $item.ProductVersion
                ProductCode    = $item.ProductCode
            }
        }
    })
}

Write-Section 'win.uninstall' {
    $roots = @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*',
        'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*')
    @(Get-ItemProperty -Path $roots -ErrorAction SilentlyContinue |
        Where-Object { $_.DisplayName -match 'VMware|VirtualBox|Docker|Podman|QEMU|Parallels' } |
        Select-Object -Property 'DisplayName', 'DisplayVersion', 'Publisher')
}

Write-Section 'win.wsl' {
    $lxss = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Lxss'
    if (Test-Path -LiteralPath $lxss) {
        @(Get-ChildItem -LiteralPath $lxss -ErrorAction Stop | ForEach-Object {
            Get-ItemProperty -LiteralPath $_.PSPath | Select-Object -Property 'DistributionName', 'Version'
        })
    }
    else { @() }
}
