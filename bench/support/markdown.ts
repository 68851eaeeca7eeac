/** A Markdown table; numbers are expected already formatted. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

export const requestsPerSecond = (value: number): string => Math.round(value).toLocaleString('en-US')
export const milliseconds = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1))
export const ratio = (value: number): string => value.toFixed(2)
export const megabytes = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`
export const duration = (ms: number): string =>
  ms < 1_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
export const mark = (met: boolean): string => (met ? 'met' : '**missed**')
