import { describe, expect, it } from 'vitest'
import { windowsSystemRoot, windowsSystemTool } from '../../src/main/host/probes/system-tools'
import { diskPathInVmFolder, vmxPathProblem } from '../../src/main/host/local-path'

describe('Windows system tools run by absolute path', () => {
  it.each([
    [{ SystemRoot: 'C:\\Windows' }, 'C:\\Windows'],
    [{ SYSTEMROOT: 'D:\\WINDOWS\\' }, 'D:\\WINDOWS'],
    [{ windir: 'E:\\Win' }, 'E:\\Win'],
    [{}, 'C:\\Windows'],
    [{ SystemRoot: '\\\\evil-host\\share' }, 'C:\\Windows'],
    [{ SystemRoot: 'Windows' }, 'C:\\Windows'],
    [{ SystemRoot: 'C:\\Windows\\..\\Users\\x\\Downloads' }, 'C:\\Windows'],
    [{ SystemRoot: '\\\\?\\C:\\Windows' }, 'C:\\Windows'],
  ])('SystemRoot from %j → %s', (env, root) => {
    expect(windowsSystemRoot({ env })).toBe(root)
  })
  it('builds System32 paths', () => {
    expect(windowsSystemTool({ env: { SystemRoot: 'C:\\Windows' } }, 'systeminfo.exe')).toBe('C:\\Windows\\System32\\systeminfo.exe')
    expect(windowsSystemTool({ env: {} }, 'WindowsPowerShell\\v1.0\\powershell.exe')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
  })
})

describe('paths read from files stay where they belong', () => {
  const vmx = 'C:\\Users\\学生\\Documents\\Virtual Machines\\CentOS 7\\CentOS 7.vmx'
  it.each([
    ['CentOS 7.vmdk', 'C:\\Users\\学生\\Documents\\Virtual Machines\\CentOS 7\\CentOS 7.vmdk'],
    ['disks\\a.vmdk', 'C:\\Users\\学生\\Documents\\Virtual Machines\\CentOS 7\\disks\\a.vmdk'],
    ['./b.vmdk', 'C:\\Users\\学生\\Documents\\Virtual Machines\\CentOS 7\\b.vmdk'],
  ])('a disk inside the VM folder: %s', (disk, expected) => {
    expect(diskPathInVmFolder(vmx, disk, true)).toBe(expected)
  })
  it.each([
    ['\\\\attacker\\share\\x.vmdk'],
    ['//attacker/share/x.vmdk'],
    ['\\\\.\\PhysicalDrive0'],
    ['\\\\?\\C:\\x.vmdk'],
    ['\\??\\C:\\x.vmdk'],
    ['C:\\Windows\\x.vmdk'],
    ['C:x.vmdk'],
    ['\\Windows\\x.vmdk'],
    ['..\\other\\x.vmdk'],
    ['disks\\..\\..\\x.vmdk'],
    ['disks/../../x.vmdk'],
    ['.. \\x.vmdk'],
    [''],
  ])('refused on Windows: %s', (disk) => {
    expect(diskPathInVmFolder(vmx, disk, true)).toBeNull()
  })
  it('Linux: relative inside only', () => {
    expect(diskPathInVmFolder('/home/s/vmware/a/a.vmx', 'a.vmdk', false)).toBe('/home/s/vmware/a/a.vmdk')
    expect(diskPathInVmFolder('/home/s/vmware/a/a.vmx', '/etc/shadow', false)).toBeNull()
    expect(diskPathInVmFolder('/home/s/vmware/a/a.vmx', '../b/b.vmdk', false)).toBeNull()
  })
  it('a picked .vmx must be a local absolute .vmx path', () => {
    expect(vmxPathProblem('C:\\VMs\\a.vmx')).toBeNull()
    expect(vmxPathProblem('/home/s/a.vmx')).toBeNull()
    expect(vmxPathProblem('\\\\host\\share\\a.vmx')).toMatch(/UNC/)
    expect(vmxPathProblem('a.vmx')).toMatch(/absolute/)
  })
})
