import { Type } from '@fastify/type-provider-typebox'

const Parameters = Type.Optional(
  Type.Record(Type.String(), Type.Unknown(), { description: 'Accepted and not used.' }),
)

export const InputTensor = Type.Object(
  {
    name: Type.String(),
    shape: Type.Array(Type.Integer({ minimum: 0 }), { description: 'The first dimension counts instances.' }),
    datatype: Type.String({
      examples: ['FP32'],
      description: 'BOOL, UINT8 to UINT64, INT8 to INT64, FP32 or FP64.',
    }),
    parameters: Parameters,
    data: Type.Array(Type.Unknown(), { description: 'Row-major: flat, or nested as the shape.' }),
  },
  { additionalProperties: false },
)

export const InferBody = Type.Object(
  {
    id: Type.Optional(Type.String()),
    parameters: Parameters,
    inputs: Type.Array(InputTensor, { minItems: 1 }),
    outputs: Type.Optional(
      Type.Array(
        Type.Object({ name: Type.String(), parameters: Parameters }, { additionalProperties: false }),
        {
          description: 'The outputs to answer; every output when absent.',
        },
      ),
    ),
  },
  { additionalProperties: false },
)

const OutputTensor = Type.Object({
  name: Type.String(),
  shape: Type.Array(Type.Integer()),
  datatype: Type.String(),
  data: Type.Array(Type.Unknown(), { description: 'Row-major, flat.' }),
})

export const InferResult = Type.Object({
  model_name: Type.String(),
  model_version: Type.String(),
  id: Type.Optional(Type.String()),
  outputs: Type.Array(OutputTensor),
})

const TensorMetadata = Type.Object({
  name: Type.String(),
  datatype: Type.String(),
  shape: Type.Array(Type.Integer()),
})

export const ModelMetadata = Type.Object({
  name: Type.String(),
  versions: Type.Array(Type.String()),
  platform: Type.String(),
  inputs: Type.Array(TensorMetadata),
  outputs: Type.Array(TensorMetadata),
})

export const ServerMetadata = Type.Object({
  name: Type.String(),
  version: Type.String(),
  extensions: Type.Array(Type.String()),
})

export const ModelReadiness = Type.Object({ name: Type.String(), ready: Type.Boolean() })
export const ServerLiveness = Type.Object({ live: Type.Boolean() })
export const ServerReadiness = Type.Object({ ready: Type.Boolean() })
export const ModelParams = Type.Object({ name: Type.String() })
export const VersionParams = Type.Object({ name: Type.String(), version: Type.String() })
