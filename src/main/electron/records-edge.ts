import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { OpenKind } from '../app/open-kind'
import type { PdfFrame } from '../../shared/records/pdf-frame'

/** The records' edge ports: printing the shown page to PDF and the Teacher view's open dialog. */
export function recordsEdgePorts(getWindow: () => BrowserWindow | null): {
  printToPdf: (frame: PdfFrame) => Promise<Uint8Array>
  showItemInFolder: (path: string) => void
  chooseOpenPaths: (kind: OpenKind) => Promise<readonly string[]>
} {
  return {
    async printToPdf(frame) {
      const window = getWindow()
      if (!window || window.isDestroyed()) throw new Error('No window to print')
      // The printable report's own @page rule sets A4 and margins; backgrounds keep the status colours.
      // The frame puts the student's name and number and the page number on every page.
      const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, pageSize: 'A4', ...frame })
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path)
    },
    async chooseOpenPaths(kind) {
      const window = getWindow()
      const options: OpenDialogOptions =
        kind === 'folder'
          ? { properties: ['openDirectory'] }
          : kind === 'vmx'
            ? { properties: ['openFile'], filters: [{ name: 'VMware VM (.vmx)', extensions: ['vmx'] }] }
            : kind === 'capture'
              ? { properties: ['openFile'], filters: [{ name: 'VirtLab capture', extensions: ['json'] }] }
            : { properties: ['openFile', 'multiSelections'], filters: [{ name: 'VirtLab report / zip', extensions: ['json', 'zip'] }] }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? [] : result.filePaths
    },
  }
}
