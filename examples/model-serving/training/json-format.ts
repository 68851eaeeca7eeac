/**
 * JSON.stringify with two-space indentation, except that arrays of plain values stay on one line,
 * so matrices read as one row per line. Output depends only on the value, never on time or environment.
 */
export function formatJson(value: unknown): string {
  return `${formatValue(value, '')}\n`
}

function formatValue(value: unknown, indent: string): string {
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every(isPlainValue)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
    return `[\n${value.map((item) => inner + formatValue(item, inner)).join(',\n')}\n${indent}]`
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined)
    if (entries.length === 0) return '{}'
    const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatValue(item, inner)}`)
    return `{\n${lines.join(',\n')}\n${indent}}`
  }
  const text = JSON.stringify(value)
  if (text === undefined) throw new Error(`cannot encode ${typeof value} as JSON`)
  return text
}

function isPlainValue(value: unknown): boolean {
  return value === null || typeof value !== 'object'
}
