/** PostgreSQL's type id for `date`. */
const dateType = 1082

/**
 * A `date` is a calendar day, not an instant: it stays the string PostgreSQL sends ('2024-01-31')
 * instead of becoming a JavaScript Date at midnight in whatever time zone the process runs in.
 */
export const calendarDay = (value: string): string => value

export const pgliteParsers = { [dateType]: calendarDay }

export const postgresDateType = dateType
