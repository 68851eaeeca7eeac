import { readFile } from 'node:fs/promises'
import Type, { type Static } from 'typebox'
import Value from 'typebox/value'

const TensorDescription = Type.Object({
  name: Type.String(),
  datatype: Type.String(),
  shape: Type.Array(Type.Integer()),
})

/**
 * metadata.json, next to model.onnx. Every field is optional: the model file says what it takes
 * and gives; the metadata names the classes and, when it lists a signature, must agree with the model.
 */
const TrainingProfile = Type.Object({
  features: Type.Array(
    Type.Object({
      name: Type.String(),
      edges: Type.Array(Type.Number()),
      proportions: Type.Array(Type.Number()),
    }),
  ),
  class_prior: Type.Optional(Type.Array(Type.Number())),
})

const ModelMetadata = Type.Object({
  description: Type.Optional(Type.String()),
  labels: Type.Optional(Type.Array(Type.String())),
  signature: Type.Optional(
    Type.Object({ inputs: Type.Array(TensorDescription), outputs: Type.Array(TensorDescription) }),
  ),
  /** The bins of each feature and the prior of each class in the training data, for drift. */
  training_profile: Type.Optional(TrainingProfile),
})

export type ModelMetadata = Static<typeof ModelMetadata>
export type TensorDescription = Static<typeof TensorDescription>

/** The metadata in `file`; none when there is no file; throws naming the first wrong field. */
export async function readModelMetadata(file: string): Promise<ModelMetadata> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  const metadata = parseJson(text)
  const [problem] = Value.Errors(ModelMetadata, metadata)
  if (problem) throw new Error(`metadata.json: ${problem.instancePath || 'the document'} ${problem.message}`)
  return metadata as ModelMetadata
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(`metadata.json is not JSON: ${(error as Error).message}`)
  }
}
