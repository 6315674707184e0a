/**
 * Which section (## heading) of a lesson a question comes from: the section whose text shares the
 * most character bigrams with the question's prompt and explanation. Works for Chinese and English
 * alike (no word splitting). Pure; returns null when the lesson has no sections.
 */
export interface LessonSection {
  readonly index: number
  readonly heading: string
}

function bigrams(text: string): Set<string> {
  const clean = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ')
  const out = new Set<string>()
  for (let i = 0; i < clean.length - 1; i++) {
    const pair = clean.slice(i, i + 2)
    if (!pair.includes(' ')) out.add(pair)
  }
  return out
}

export function sectionsOf(markdown: string): { heading: string; text: string }[] {
  const sections: { heading: string; text: string }[] = []
  for (const line of markdown.split('\n')) {
    const m = /^##\s+(.+?)\s*#*\s*$/.exec(line)
    if (m) sections.push({ heading: m[1]!, text: m[1]! })
    else if (sections.length > 0) sections[sections.length - 1]!.text += `\n${line}`
  }
  return sections
}

export function sectionOf(markdown: string, question: string): LessonSection | null {
  const sections = sectionsOf(markdown)
  if (sections.length === 0) return null
  const q = bigrams(question)
  let best: LessonSection | null = null
  let bestScore = -1
  sections.forEach((s, index) => {
    const words = bigrams(s.text)
    let shared = 0
    for (const b of q) if (words.has(b)) shared++
    // Normalize a little by section size so long sections do not win by length alone.
    const score = shared / Math.sqrt(Math.max(1, words.size))
    if (score > bestScore) {
      bestScore = score
      best = { index, heading: s.heading }
    }
  })
  return best
}
