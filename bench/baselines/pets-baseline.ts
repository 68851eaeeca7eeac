/**
 * The pets routes the way one might write them in a single file: Fastify and pg, the same SQL as
 * the pets service, no layers, no validation, no schemas. The layer-cost benchmark measures the
 * pets service against this.
 */
import Fastify from 'fastify'
import pg from 'pg'
import { v7 as newId } from 'uuid'

interface PetRow {
  id: string
  name: string
  owner_id: string
  description: string | null
  species: string
  created_at: Date
  updated_at: Date
}

const uniqueViolation = '23505'
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const app = Fastify({ logger: false })

const toJson = (row: PetRow) => ({
  id: row.id,
  name: row.name,
  ownerId: row.owner_id,
  description: row.description,
  species: row.species,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
})

app.get('/health/ready', async () => {
  await pool.query('select 1')
  return { status: 'ok' }
})

app.get('/pets', async (request) => {
  const limit = Number((request.query as { limit?: string }).limit ?? 20)
  const { rows } = await pool.query<PetRow>('select * from "pets" order by "id" limit $1', [limit + 1])
  const items = rows.slice(0, limit).map(toJson)
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null }
})

app.get('/pets/:id', async (request, reply) => {
  const { id } = request.params as { id: string }
  const { rows } = await pool.query<PetRow>('select * from "pets" where "id" = $1', [id])
  const [row] = rows
  return row ? toJson(row) : reply.status(404).send({ title: 'not found' })
})

app.post('/pets', async (request, reply) => {
  const pet = request.body as { name: string; ownerId: string; description?: string | null; species: string }
  try {
    const { rows } = await pool.query<PetRow>(
      'insert into "pets" ("id", "name", "owner_id", "description", "species") values ($1, $2, $3, $4, $5) returning *',
      [newId(), pet.name, pet.ownerId, pet.description ?? null, pet.species],
    )
    const row = rows[0] as PetRow
    return reply.status(201).header('location', `/pets/${row.id}`).send(toJson(row))
  } catch (error) {
    // The unique index on (owner_id, name) decides a taken name, as it does in the pets service.
    if ((error as { code?: string }).code === uniqueViolation)
      return reply.status(409).send({ title: 'name taken' })
    throw error
  }
})

process.on('SIGTERM', () => {
  void app.close().then(() => pool.end())
})

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 8080) })
