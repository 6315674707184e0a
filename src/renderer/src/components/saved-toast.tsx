import { Button } from 'antd'
import type { MessageInstance } from 'antd/es/message/interface'
import { api, describeApiError } from '../api/client'
import { fmt } from '../i18n/define'

/** The words of a "saved" toast: the sentence with {path}, the button, and what to say when revealing fails ({reason}). */
export interface SavedWords {
  readonly saved: string
  readonly openFolder: string
  readonly failed: string
}

/** “已保存：…” with a button that shows the file in the system's file manager: the one toast every save uses. */
export function announceSaved(path: string, words: SavedWords, toast: MessageInstance): void {
  const key = `saved-${path}`
  void toast.success({
    key,
    duration: 12,
    content: (
      <span data-testid="saved-toast">
        {fmt(words.saved, { path })}{' '}
        <Button
          type="link"
          size="small"
          data-testid="open-folder"
          onClick={() => {
            toast.destroy(key)
            api()
              .records.showInFolder(path)
              .catch((error: unknown) => void toast.error(fmt(words.failed, { reason: describeApiError(error).message })))
          }}
        >
          {words.openFolder}
        </Button>
      </span>
    ),
  })
}
