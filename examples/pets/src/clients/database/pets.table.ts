import type { Generated } from 'kysely'

/** The pets table as kysely sees it; columns are snake_case, as SQL has them. */
export interface PetsTable {
  id: string
  name: string
  owner_id: string
  description: string | null
  species: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
