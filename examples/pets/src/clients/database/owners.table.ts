import type { Generated } from 'kysely'

/** The owners table as kysely sees it; columns are snake_case, as SQL has them. */
export interface OwnersTable {
  id: string
  name: string
  email: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
