import pg from 'pg'

/** Distinct statements one connection prepares at most: beyond, queries run unprepared, as before. */
const mostStatements = 500

/** PostgreSQL's refusal to run a prepared statement whose result columns a migration changed. */
const planChanged = (error: unknown) =>
  error instanceof Error && (error as { code?: string }).code === '0A000' && /cached plan/.test(error.message)

/**
 * A `pg` client that prepares each statement with parameters once per connection, under a name of
 * its own, and then only binds and runs it: PostgreSQL parses and plans the generated queries,
 * whose shapes are few and known, once per connection instead of on every request. A statement a
 * migration has since invalidated (another replica added a column to a `select *`) is prepared
 * anew under a new name.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>()
  #prepared = 0

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; only (text, values) is rerouted
  override query(...args: any[]): any {
    const [text, values] = args
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || args.length !== 2) {
      return (super.query as (...args: unknown[]) => unknown)(...args)
    }
    const name = this.#nameOf(text)
    if (name === undefined) return super.query(text, values)
    return super.query({ name, text, values }).catch((error: unknown) => {
      if (!planChanged(error)) throw error
      this.#names.delete(text)
      const renamed = this.#nameOf(text)
      return renamed === undefined ? super.query(text, values) : super.query({ name: renamed, text, values })
    })
  }

  #nameOf(text: string): string | undefined {
    let name = this.#names.get(text)
    if (name === undefined && this.#prepared < mostStatements) {
      name = `statement_${++this.#prepared}`
      this.#names.set(text, name)
    }
    return name
  }
}
