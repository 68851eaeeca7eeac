import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Whether Prometheus's promtool is here (Debian's prometheus package has it). Without it the rule
 * tests are skipped, unless REQUIRE_PROMTOOL=1 makes that an error.
 */
export async function promtoolAvailable(): Promise<boolean> {
  const found = await run('promtool', ['--version']).then(
    () => true,
    () => false,
  )
  if (!found && process.env.REQUIRE_PROMTOOL === '1') {
    throw new Error('REQUIRE_PROMTOOL=1 but promtool is not installed (apt-get install prometheus)')
  }
  return found
}

/** promtool's output when it succeeds; its output, as the error, when it does not. */
export async function promtool(args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run('promtool', [...args], { cwd })
    return stdout + stderr
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout}${stderr}`)
  }
}
