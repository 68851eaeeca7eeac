const startedAt = performance.now()

/** A line on stderr, with the time since the run began, so a long run shows where it is. */
export function progress(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0).padStart(4)
  process.stderr.write(`[${seconds} s] ${message}\n`)
}
