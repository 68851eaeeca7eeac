/**
 * The most any HTTP service can do here: Fastify reads the JSON body of POST /predict and answers
 * a fixed prediction (PREDICTION_BODY, the service's own answer to the benchmark's instance),
 * with no validation, no model and no protocol mapping.
 */
import Fastify from 'fastify'

const body = process.env.PREDICTION_BODY ?? '{"predictions":[]}'
const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 })

app.get('/health/ready', async () => ({ status: 'ready' }))
app.post('/predict', async (_request, reply) => reply.type('application/json').send(body))

process.on('SIGTERM', () => {
  void app.close()
})

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 8080) })
