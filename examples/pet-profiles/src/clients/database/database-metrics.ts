import { Gauge, type Registry } from 'prom-client'
import type { Database, PoolStats } from './database.js'

/** Connections of the database pool, read at each scrape: open, idle, and requests waiting for one. */
export function registerDatabaseMetrics(registry: Registry, database: Database): void {
  const gauge = (name: string, help: string, read: (pool: PoolStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(database.poolStats()))
      },
    })
  gauge('db_pool_connections', 'Connections open to the database.', (pool) => pool.total)
  gauge('db_pool_idle_connections', 'Open connections not in use.', (pool) => pool.idle)
  gauge('db_pool_waiting_requests', 'Queries waiting for a connection.', (pool) => pool.waiting)
}
