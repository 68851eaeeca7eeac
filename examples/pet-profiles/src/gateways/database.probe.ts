import type { Database } from '../clients/database/database.js'
import type { DependencyProbe } from '../domain/health/dependency-probe.port.js'

export function createDatabaseProbe(database: Database): DependencyProbe {
  return { name: 'database', check: () => database.ping() }
}
