import closeWithGrace from 'close-with-grace'
import { ConfigError, loadConfig } from './config/load-config.js'
import { flushTraces } from './telemetry/trace-context.js'

async function main(): Promise<void> {
  const config = loadConfig()
  // Loaded once the configuration holds: a wrong setting is reported before anything else loads.
  const { buildApp } = await import('./app.js')
  const app = await buildApp(config)

  closeWithGrace({ delay: config.http.shutdownTimeoutMs, logger: app.log }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error')
    else app.log.info({ signal }, 'closing: finishing requests in flight')
    await app.close()
    await flushTraces()
  })

  await app.listen({ host: config.http.host, port: config.http.port })
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `invalid configuration: ${error.message}` : error
  console.error(message)
  process.exitCode = 1
})
