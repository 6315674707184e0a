import { ZoomInOutlined } from '@ant-design/icons'
import { Alert, Modal, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { api, describeApiError } from '../../api/client'
import { fmt } from '../../i18n/define'
import { useLocale, useMessages } from '../../i18n/locale-context'
import { labsMessages } from '../../i18n/messages/labs'

/**
 * A pack figure: sanitized SVG from main, shown as an image (never inlined into the page). On a
 * small window the figure shrinks with the text column, so the figure is a button that opens it in
 * a dialog as large as the window allows: named by the figure's title, closed by Esc or its close
 * button, focus back on the figure afterwards (antd's Modal returns focus to what opened it).
 */
export function LabFigure(props: { labId: string; name: string; title: string }): React.JSX.Element {
  const t = useMessages(labsMessages).runner
  const { locale } = useLocale()
  const [state, setState] = useState<{ key: string; svg: string | null; error: string | null } | null>(null)
  const [open, setOpen] = useState(false)
  const key = `${props.labId}/${props.name}/${locale}`
  useEffect(() => {
    let cancelled = false
    api()
      .labs.figure(props.labId, props.name, locale)
      .then((svg) => !cancelled && setState({ key, svg, error: null }))
      .catch((e: unknown) => !cancelled && setState({ key, svg: null, error: describeApiError(e).message }))
    return () => {
      cancelled = true
    }
  }, [props.labId, props.name, locale, key])
  if (!state || state.key !== key) return <Spin />
  if (state.error !== null || state.svg === null) return <Alert type="warning" showIcon title={fmt(t.figureFailed, { reason: state.error ?? '' })} />
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(state.svg)}`
  const alt = fmt(t.figureAlt, { title: props.title })
  return (
    <figure className="lab-figure" data-testid={`figure-${props.name}`}>
      <button type="button" className="lab-figure-open" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid={`figure-open-${props.name}`}>
        <img src={src} alt={alt} />
        <span className="lab-figure-hint">
          <ZoomInOutlined aria-hidden /> {t.figureEnlarge}
        </span>
      </button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        title={alt}
        centered
        width="min(1600px, calc(100vw - 32px))"
        className="lab-figure-dialog"
        destroyOnHidden
        data-testid={`figure-dialog-${props.name}`}
      >
        <img src={src} alt={alt} className="lab-figure-large" />
      </Modal>
    </figure>
  )
}
