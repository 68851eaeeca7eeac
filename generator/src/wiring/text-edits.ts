/** Text put in at a place of a file, or a stretch of it taken out, computed from its syntax tree. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

export const insertAt = (position: number, text: string): TextEdit => ({
  start: position,
  end: position,
  text,
})

/** Applies edits made against the same original text, last first, so no offset moves under another. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text)
}
