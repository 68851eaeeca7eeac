import pg from 'pg'

/** PostgreSQL's type id for `date`. */
const dateType = 1082

/**
 * A `date` is a calendar day, not an instant: it stays the string PostgreSQL sends ('2024-01-31')
 * instead of becoming a JavaScript Date at midnight in whatever time zone the process runs in.
 */
const calendarDay = (value: string): string => value

/** The type parsers of every connection, to PostgreSQL and to PGlite alike. */
export const typeParsers = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === dateType
      ? calendarDay
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}
