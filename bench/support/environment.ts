/**
 * The environment a command would see in a fresh terminal: without what `npm run` sets for this
 * run, so that a child `npm` or `node` behaves as it does for a user.
 */
export function freshShellEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !/^(npm_|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|FORCE_COLOR$)/i.test(entry[0]),
  )
  return { ...Object.fromEntries(inherited), NO_COLOR: '1', ...extra }
}
