import { type Static, Type } from '@fastify/type-provider-typebox'

/** The body Vertex AI, KServe V1 and SageMaker send: instances to predict, plus free-form parameters. */
export function predictBodySchema(maxInstances: number) {
  return Type.Object(
    {
      instances: Type.Array(Type.Unknown(), {
        minItems: 1,
        maxItems: maxInstances,
        description:
          "One entry per instance: the value of the model's input (an array in its shape, or flat), " +
          'or an object with a value for each input by name.',
        examples: [[[5.1, 3.5, 1.4, 0.2]]],
      }),
      parameters: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), { description: 'Accepted and not used.' }),
      ),
    },
    { additionalProperties: false },
  )
}

export type PredictBody = Static<ReturnType<typeof predictBodySchema>>

export const Predictions = Type.Object(
  {
    predictions: Type.Array(
      Type.Object(
        {
          class: Type.Optional(
            Type.String({ description: 'The predicted class, when the model names them.' }),
          ),
        },
        {
          additionalProperties: true,
          description:
            'One entry per instance, in order: the predicted class, then every output of the model.',
        },
      ),
    ),
  },
  { additionalProperties: false },
)

/**
 * What a prediction holds depends on the model, so a serializer compiled from the schema cannot know
 * it ahead and falls back to slow paths; JSON.stringify is faster for these bodies.
 */
export function serializeWithJsonStringify() {
  return (data: unknown) => JSON.stringify(data)
}
