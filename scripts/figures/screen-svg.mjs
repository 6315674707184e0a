/**
 * Draws the screens students operate (VMware Workstation dialogs, the Workstation installer,
 * the Rocky Linux installer) as plain SVG, from a small description: a window, its page title,
 * controls in a column (or two panes) and the footer buttons. The control to use is outlined in
 * orange and numbered. Our own drawing, not a screenshot; labels follow VMware's UI in each language.
 *
 * A description's texts are `{ 'zh-CN': …, en: … }` or a plain string (the same in both).
 */

const FONT = "'Segoe UI','Microsoft YaHei','PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif"
const W = 760
const HI = '#d9480f'
const INK = '#1f2937'
const MUTED = '#4b5563'
const LINE = '#9ca3af'
const ACCENT = '#1d4ed8'

export function tr(text, locale) {
  if (text === undefined || text === null) return ''
  return typeof text === 'string' ? text : text[locale]
}

function esc(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Rough text width: CJK and full-width characters ≈ 1 em, others ≈ 0.56 em. */
export function textWidth(text, size) {
  let w = 0
  for (const ch of String(text)) w += /[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F“”‘’…—]/.test(ch) ? size : /[A-Z]/.test(ch) ? size * 0.64 : size * 0.54
  return w
}

function txt(x, y, text, { size = 13, weight = 400, fill = INK, anchor = 'start', family } = {}) {
  return `<text x="${x}" y="${y}" font-size="${size}"${weight !== 400 ? ` font-weight="${weight}"` : ''} fill="${fill}"${anchor !== 'start' ? ` text-anchor="${anchor}"` : ''}${family ? ` font-family="${family}"` : ''}>${esc(text)}</text>`
}

function rect(x, y, w, h, { fill = '#ffffff', stroke = LINE, rx = 3, sw = 1 } = {}) {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="${sw}"/>`
}

/** Orange outline and a numbered badge around what to use. */
function highlight(x, y, w, h, n, out) {
  out.push(`<rect x="${x - 4}" y="${y - 4}" width="${w + 8}" height="${h + 8}" rx="6" fill="none" stroke="${HI}" stroke-width="2.5"/>`)
  if (n) {
    const cx = x + w + 4
    const cy = y - 4
    out.push(`<circle cx="${cx}" cy="${cy}" r="10" fill="${HI}"/>`)
    out.push(txt(cx, cy + 4.5, String(n), { size: 12, weight: 700, fill: '#ffffff', anchor: 'middle' }))
  }
}

function button(x, y, label, { primary = false, w, shield = false } = {}) {
  const icon = shield ? 18 : 0
  const width = w ?? Math.max(76, textWidth(label, 13) + 28 + icon)
  // Windows' UAC shield: the button needs administrator rights.
  const shieldSvg = shield
    ? `<path d="M${x + 12} ${y + 7} l7 -2.5 l7 2.5 v5 c0 5 -3.5 8 -7 9.5 c-3.5 -1.5 -7 -4.5 -7 -9.5 z" fill="#2563eb" stroke="#1e3a8a" stroke-width="0.8"/><path d="M${x + 19} ${y + 4.5} v17 M${x + 12} ${y + 12} h14" stroke="#facc15" stroke-width="1.4"/>`
    : ''
  return {
    width,
    svg: `${rect(x, y, width, 28, { fill: primary ? '#e8f0fe' : '#f3f4f6', stroke: primary ? ACCENT : LINE, rx: 4 })}${shieldSvg}${txt(x + icon / 2 + width / 2, y + 18.5, label, { anchor: 'middle' })}`,
  }
}

/** Lays out one column of controls from (x, y) with the given width; returns the new y. */
function column(items, x, y, width, locale, out, counter) {
  for (const item of items) {
    const hi = item.hi ? (counter.n += 1) : 0
    const indent = item.indent ? item.indent * 22 : 0
    const cx = x + indent
    switch (item.t) {
      case 'text': {
        const size = item.size ?? 13
        if (item.align === 'right') {
          out.push(txt(x + width, y + size, tr(item.s, locale), { size, weight: item.bold ? 700 : 400, fill: item.muted ? MUTED : INK, anchor: 'end' }))
          y += size + (item.after ?? 10)
          break
        }
        out.push(txt(cx, y + size, tr(item.s, locale), { size, weight: item.bold ? 700 : 400, fill: item.muted ? MUTED : INK }))
        if (hi) highlight(cx, y, textWidth(tr(item.s, locale), size), size + 4, hi, out)
        y += size + (item.after ?? 10)
        break
      }
      case 'group': {
        out.push(txt(cx, y + 13, tr(item.s, locale), { weight: 700 }))
        out.push(`<line x1="${cx + textWidth(tr(item.s, locale), 13) + 8}" y1="${y + 8}" x2="${x + width}" y2="${y + 8}" stroke="#d1d5db"/>`)
        y += 24
        break
      }
      case 'radio':
      case 'check': {
        const label = tr(item.s, locale)
        if (item.t === 'radio') {
          out.push(`<circle cx="${cx + 7}" cy="${y + 8}" r="7" fill="#fff" stroke="${item.on ? ACCENT : '#6b7280'}" stroke-width="1.3"/>`)
          if (item.on) out.push(`<circle cx="${cx + 7}" cy="${y + 8}" r="3.6" fill="${ACCENT}"/>`)
        } else {
          out.push(rect(cx, y + 1, 14, 14, { stroke: item.on ? ACCENT : '#6b7280', fill: item.on ? ACCENT : '#fff', rx: 2, sw: 1.3 }))
          if (item.on) out.push(`<path d="M${cx + 3} ${y + 8} l3.5 3.5 l5 -6.5" fill="none" stroke="#fff" stroke-width="2"/>`)
        }
        out.push(txt(cx + 22, y + 13, label, { fill: item.dim ? '#6b7280' : INK }))
        if (item.note) out.push(txt(cx + 22 + textWidth(label, 13) + 10, y + 13, tr(item.note, locale), { size: 12, fill: MUTED }))
        if (hi) highlight(cx, y, 22 + textWidth(label, 13), 16, hi, out)
        y += item.after ?? 26
        break
      }
      case 'field':
      case 'select':
      case 'spin': {
        const label = tr(item.label, locale)
        const value = tr(item.value, locale)
        const labelW = item.labelW ?? (label ? textWidth(label, 13) + 12 : 0)
        const inline = item.inline !== false && labelW < width * 0.55
        const fx = inline ? cx + labelW : cx
        const fy = inline ? y : y + 20
        if (label) out.push(txt(cx, y + (inline ? 18 : 13), label))
        const fw = item.w ?? Math.min(width - (fx - x) - (item.button ? 96 : 0), Math.max(150, textWidth(value, 13) + 40))
        out.push(rect(fx, fy, fw, 26, { rx: 2 }))
        out.push(txt(fx + 8, fy + 18, value))
        if (item.t === 'select') out.push(`<path d="M${fx + fw - 18} ${fy + 10} l5 6 l5 -6" fill="none" stroke="#374151" stroke-width="1.5"/>`)
        if (item.t === 'spin') {
          out.push(`<line x1="${fx + fw - 18}" y1="${fy}" x2="${fx + fw - 18}" y2="${fy + 26}" stroke="${LINE}"/>`)
          out.push(`<path d="M${fx + fw - 13} ${fy + 10} l4 -4 l4 4 M${fx + fw - 13} ${fy + 16} l4 4 l4 -4" fill="none" stroke="#374151" stroke-width="1.3"/>`)
        }
        if (hi) highlight(fx, fy, fw, 26, hi, out)
        if (item.button) {
          const b = button(fx + fw + 10, fy - 1, tr(item.button, locale))
          out.push(b.svg)
          if (item.hiButton) highlight(fx + fw + 10, fy - 1, b.width, 28, (counter.n += 1), out)
        }
        y = fy + 26 + (item.after ?? 12)
        break
      }
      case 'buttons': {
        let bx = cx
        if (item.align === 'right') {
          const widths = item.items.map((b) => Math.max(76, textWidth(tr(b.s, locale), 13) + 28 + (b.shield ? 18 : 0)))
          bx = x + width - widths.reduce((s, w) => s + w + 10, -10)
        }
        for (const b of item.items) {
          const drawn = button(bx, y, tr(b.s, locale), { primary: b.hi, shield: b.shield })
          out.push(drawn.svg)
          if (b.hi) highlight(bx, y, drawn.width, 28, (counter.n += 1), out)
          bx += drawn.width + 10
        }
        y += 28 + (item.after ?? 12)
        break
      }
      case 'slider': {
        const sw = item.w ?? 40
        const top = y
        const h = item.h ?? 150
        out.push(rect(cx + 12, top, 6, h, { fill: '#e5e7eb', stroke: '#d1d5db', rx: 3 }))
        for (const [i, mark] of (item.marks ?? []).entries()) {
          const my = top + (mark.at ?? 0) * h
          out.push(`<path d="M${cx + 24} ${my} l8 -5 v10 z" fill="${mark.color ?? '#6b7280'}"/>`)
          out.push(txt(cx + 38, my + 4, tr(mark.s, locale), { size: 12, fill: MUTED }))
          void i
        }
        const ky = top + (item.knob ?? 0.5) * h
        out.push(rect(cx + 4, ky - 5, 22, 10, { fill: '#fff', stroke: '#374151', rx: 2 }))
        if (hi) highlight(cx + 4, ky - 5, 22, 10, hi, out)
        void sw
        y += h + (item.after ?? 12)
        break
      }
      case 'table': {
        const cols = item.cols
        const total = cols.reduce((s, c) => s + c.w, 0)
        const scale = (width - indent) / total
        out.push(rect(cx, y, width - indent, 24 + item.rows.length * 24, { rx: 2 }))
        out.push(`<rect x="${cx + 0.5}" y="${y + 0.5}" width="${width - indent - 1}" height="23" fill="#f3f4f6"/>`)
        let colX = cx
        for (const c of cols) {
          out.push(txt(colX + 6, y + 16, tr(c.s, locale), { size: 12, weight: 600, fill: '#374151' }))
          colX += c.w * scale
        }
        item.rows.forEach((row, r) => {
          const ry = y + 24 + r * 24
          if (item.sel === r) out.push(`<rect x="${cx + 1}" y="${ry}" width="${width - indent - 2}" height="24" fill="#dbeafe"/>`)
          let rx = cx
          row.forEach((cell, c) => {
            out.push(txt(rx + 6, ry + 16, tr(cell, locale), { size: 12 }))
            rx += cols[c].w * scale
          })
          if (item.hiRow === r) highlight(cx + 1, ry, width - indent - 2, 24, (counter.n += 1), out)
        })
        y += 24 + item.rows.length * 24 + (item.after ?? 12)
        break
      }
      case 'kv': {
        for (const [k, v] of item.rows) {
          out.push(txt(cx, y + 13, tr(k, locale), { fill: MUTED }))
          out.push(txt(cx + (item.keyW ?? 150), y + 13, tr(v, locale)))
          y += 22
        }
        y += item.after ?? 6
        break
      }
      case 'list': {
        // A selectable list (device list, OS versions): rows with the selected one tinted.
        const h = item.rows.length * 24 + 4
        out.push(rect(cx, y, item.w ?? width - indent, h, { rx: 2 }))
        item.rows.forEach((row, r) => {
          const ry = y + 2 + r * 24
          const cells = Array.isArray(row) ? row : [row]
          if (item.sel === r) out.push(`<rect x="${cx + 2}" y="${ry}" width="${(item.w ?? width - indent) - 4}" height="24" fill="#dbeafe"/>`)
          out.push(txt(cx + 10, ry + 16, tr(cells[0], locale), { size: 12, weight: item.sel === r ? 600 : 400 }))
          if (cells[1] !== undefined) out.push(txt(cx + (item.col2 ?? 120), ry + 16, tr(cells[1], locale), { size: 12, fill: MUTED }))
          if (item.hiRow === r) highlight(cx + 2, ry, (item.w ?? width - indent) - 4, 24, (counter.n += 1), out)
        })
        y += h + (item.after ?? 12)
        break
      }
      case 'gap':
        y += item.h ?? 10
        break
      default:
        throw new Error(`unknown item ${item.t}`)
    }
  }
  return y
}

function measure(items, width, locale) {
  const sink = []
  return column(items, 0, 0, width, locale, sink, { n: 0 })
}

/** A Windows-style dialog or wizard page. */
function dialog(spec, locale) {
  const out = []
  const counter = { n: 0 }
  const pad = 24
  const hasHeader = spec.heading !== undefined
  const headerH = hasHeader ? 64 : 0
  const bodyTop = 36 + headerH + 14
  const innerW = W - 2 * pad - 20
  let bodyH
  if (spec.left) {
    const lw = spec.leftW ?? 250
    bodyH = Math.max(measure(spec.left, lw, locale), measure(spec.body ?? [], innerW - lw - 20, locale))
  } else bodyH = measure(spec.body ?? [], innerW, locale)
  const footerH = spec.footer ? 52 : 0
  const winH = bodyTop + bodyH + 10 + footerH
  const H = winH + 20 + 28
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#f8fafc"/>`)
  // window
  out.push(`<rect x="10" y="10" width="${W - 20}" height="${winH}" rx="6" fill="#ffffff" stroke="#6b7280" stroke-width="1.2"/>`)
  out.push(`<path d="M10 36 V16 a6 6 0 0 1 6 -6 H${W - 16} a6 6 0 0 1 6 6 V36 Z" fill="#e5e7eb"/>`)
  out.push(txt(22, 28, tr(spec.window, locale), { size: 13, weight: 600 }))
  out.push(`<path d="M${W - 36} 18 l10 10 M${W - 26} 18 l-10 10" stroke="#374151" stroke-width="1.5"/>`)
  if (hasHeader) {
    out.push(`<rect x="10.6" y="36" width="${W - 21.2}" height="${headerH}" fill="#ffffff"/>`)
    out.push(txt(pad + 10, 62, tr(spec.heading, locale), { size: 16, weight: 700 }))
    if (spec.sub) out.push(txt(pad + 10, 86, tr(spec.sub, locale), { size: 13, fill: MUTED }))
    out.push(`<line x1="10.6" y1="${36 + headerH}" x2="${W - 10.6}" y2="${36 + headerH}" stroke="#d1d5db"/>`)
  }
  if (spec.left) {
    const lw = spec.leftW ?? 250
    column(spec.left, pad + 10, bodyTop, lw, locale, out, counter)
    out.push(`<line x1="${pad + 20 + lw}" y1="${bodyTop - 4}" x2="${pad + 20 + lw}" y2="${bodyTop + bodyH}" stroke="#e5e7eb"/>`)
    column(spec.body ?? [], pad + 30 + lw, bodyTop, innerW - lw - 20, locale, out, counter)
  } else column(spec.body ?? [], pad + 10, bodyTop, innerW, locale, out, counter)
  if (spec.footer) {
    const fy = 10 + winH - 44
    out.push(`<line x1="10.6" y1="${fy - 8}" x2="${W - 10.6}" y2="${fy - 8}" stroke="#e5e7eb"/>`)
    const labels = spec.footer.map((b) => ({ ...b, label: tr(b.s, locale) }))
    const widths = labels.map((b) => Math.max(84, textWidth(b.label, 13) + 28))
    let bx = W - 10 - 16 - widths.reduce((s, w) => s + w + 10, -10)
    labels.forEach((b, i) => {
      if (b.left) {
        out.push(button(pad + 10, fy, b.label, { w: widths[i] }).svg)
        return
      }
      out.push(button(bx, fy, b.label, { primary: b.hi, w: widths[i] }).svg)
      if (b.hi) highlight(bx, fy, widths[i], 28, (counter.n += 1), out)
      bx += widths[i] + 10
    })
  }
  out.push(txt(W / 2, H - 12, tr(CAPTION, locale), { size: 11.5, fill: MUTED, anchor: 'middle' }))
  return { out, H }
}

/** The Rocky Linux installer (Anaconda): a dark side bar, the page title and its content. */
function anaconda(spec, locale) {
  const out = []
  const counter = { n: 0 }
  const sideW = 150
  const bodyH = measure(spec.body, W - sideW - 70, locale)
  const bodyEnd = (spec.done ? 92 : 62) + bodyH
  const H = Math.max(300, bodyEnd + (spec.footer ? 96 : 60))
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#f8fafc"/>`)
  out.push(`<rect x="10" y="10" width="${W - 20}" height="${H - 48}" rx="4" fill="#ffffff" stroke="#6b7280"/>`)
  out.push(`<rect x="10" y="10" width="${sideW}" height="${H - 48}" rx="4" fill="#1f3b57"/>`)
  out.push(txt(24, 40, 'Rocky Linux', { size: 15, weight: 700, fill: '#ffffff' }))
  out.push(txt(24, 60, '9', { size: 13, fill: '#cfe3f5' }))
  out.push(txt(sideW + 30, 40, tr(spec.heading, locale), { size: 16, weight: 700 }))
  out.push(txt(W - 30, 40, tr(spec.corner ?? { 'zh-CN': 'ROCKY LINUX 9 安装', en: 'ROCKY LINUX 9 INSTALLATION' }, locale), { size: 11, fill: MUTED, anchor: 'end' }))
  column(spec.body, sideW + 30, spec.done ? 92 : 62, W - sideW - 70, locale, out, counter)
  if (spec.done) {
    // "Done" sits top left but is pressed last: it gets the last number.
    const b = button(sideW + 30, 50, tr(spec.done, locale), { primary: true })
    out.push(b.svg)
    if (spec.hiDone) highlight(sideW + 30, 50, b.width, 28, (counter.n += 1), out)
  }
  if (spec.footer) {
    let bx = W - 30
    for (const b of [...spec.footer].reverse()) {
      const label = tr(b.s, locale)
      const width = Math.max(84, textWidth(label, 13) + 28)
      bx -= width
      out.push(button(bx, H - 86, label, { primary: b.hi, w: width }).svg)
      if (b.hi) highlight(bx, H - 86, width, 28, (counter.n += 1), out)
      bx -= 10
    }
  }
  out.push(txt(W / 2, H - 12, tr(CAPTION, locale), { size: 11.5, fill: MUTED, anchor: 'middle' }))
  return { out, H }
}

/** A text-mode boot menu (the ISO's GRUB menu). */
function bootMenu(spec, locale) {
  const out = []
  const H = 300
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#f8fafc"/>`)
  out.push(`<rect x="10" y="10" width="${W - 20}" height="${H - 48}" rx="4" fill="#111827"/>`)
  out.push(txt(W / 2, 54, tr(spec.heading, locale), { size: 15, weight: 700, fill: '#e5e7eb', anchor: 'middle', family: 'monospace' }))
  spec.lines.forEach((line, i) => {
    const y = 100 + i * 30
    if (line.on) out.push(`<rect x="120" y="${y - 18}" width="${W - 240}" height="26" fill="#e5e7eb"/>`)
    out.push(txt(140, y, tr(line.s, locale), { size: 14, fill: line.on ? '#111827' : '#e5e7eb', family: 'monospace' }))
    if (line.hi) highlight(120, y - 18, W - 240, 26, 1, out)
  })
  out.push(txt(W / 2, H - 64, tr(spec.hint, locale), { size: 12, fill: '#9ca3af', anchor: 'middle', family: 'monospace' }))
  out.push(txt(W / 2, H - 12, tr(CAPTION, locale), { size: 11.5, fill: MUTED, anchor: 'middle' }))
  return { out, H }
}

const CAPTION = {
  'zh-CN': '示意图：按软件界面绘制，橙色框和编号是要操作的地方；不同版本的文字可能略有差别。',
  en: 'Diagram drawn after the real screen; the orange boxes and numbers mark what to use. Wording may differ slightly between versions.',
}

/** The SVG text of one screen in one language. */
export function drawScreen(spec, locale) {
  const { out, H } = spec.kind === 'anaconda' ? anaconda(spec, locale) : spec.kind === 'boot' ? bootMenu(spec, locale) : dialog(spec, locale)
  const title = tr(spec.title, locale)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}" role="img" aria-labelledby="title">`,
    `<title id="title">${esc(title)}</title>`,
    ...out,
    '</svg>',
    '',
  ].join('\n')
}
