/** Turns a check that throws into what an interactive prompt's `validate` wants: true, or the reason. */
export function problemWith(check: () => unknown): true | string {
  try {
    check()
    return true
  } catch (error) {
    return (error as Error).message
  }
}
