import {
  type OnnxSession,
  OnnxTensor,
  type OnnxTensorType,
  type OnnxValueMetadata,
} from '../clients/onnx-runtime.js'
import { profileProblem, type TrainingProfile } from '../domain/drift/training-profile.js'
import type { Datatype, TensorData } from '../domain/model/datatype.js'
import type { Model } from '../domain/model/model.port.js'
import type { ModelVersionRef } from '../domain/model/model-store.port.js'
import {
  ANY_SIZE,
  formatShape,
  type ModelSignature,
  type TensorSpec,
  valuesPerInstance,
} from '../domain/model/signature.js'
import type { ModelMetadata, TensorDescription } from './model-metadata.schema.js'

const datatypeByOnnxType: Partial<Record<OnnxTensorType, Datatype>> = {
  bool: 'BOOL',
  uint8: 'UINT8',
  uint16: 'UINT16',
  uint32: 'UINT32',
  uint64: 'UINT64',
  int8: 'INT8',
  int16: 'INT16',
  int32: 'INT32',
  int64: 'INT64',
  float32: 'FP32',
  float64: 'FP64',
}

const onnxTypeByDatatype = Object.fromEntries(
  Object.entries(datatypeByOnnxType).map(([onnxType, datatype]) => [datatype, onnxType]),
) as Record<Datatype, OnnxTensorType>

/**
 * A model served by onnxruntime. Its signature comes from the model file; metadata.json adds the
 * class names, and a signature it lists must agree with the file.
 */
export function onnxModel(ref: ModelVersionRef, session: OnnxSession, metadata: ModelMetadata): Model {
  const signature: ModelSignature = {
    inputs: session.inputMetadata.map(tensorSpecOf),
    outputs: session.outputMetadata.map(tensorSpecOf),
    labels: metadata.labels ?? [],
  }
  if (metadata.signature) {
    checkAgreement('input', metadata.signature.inputs, signature.inputs)
    checkAgreement('output', metadata.signature.outputs, signature.outputs)
  }
  const profile = metadata.training_profile && profileOf(metadata.training_profile, signature)

  return {
    ...ref,
    signature,
    ...(profile && { profile }),
    async run({ rows, inputs }) {
      const feeds: Record<string, InstanceType<typeof OnnxTensor>> = {}
      signature.inputs.forEach((spec, index) => {
        const data = inputs[index]
        if (!data) throw new Error(`input ${spec.name} is missing from the batch`)
        feeds[spec.name] = new OnnxTensor(onnxTypeByDatatype[spec.datatype], data, [
          rows,
          ...spec.shape.slice(1),
        ])
      })
      const results = await session.run(feeds)
      return signature.outputs.map((spec) => {
        const data = results[spec.name]?.data
        if (!ArrayBuffer.isView(data))
          throw new Error(`output ${spec.name} is missing from the model's answer`)
        return data as TensorData
      })
    },
    close: () => session.release(),
  }
}

function tensorSpecOf(value: OnnxValueMetadata): TensorSpec {
  if (!value.isTensor)
    throw new Error(`${value.name} is not a tensor; only tensor inputs and outputs are served`)
  const datatype = datatypeByOnnxType[value.type]
  if (!datatype) throw new Error(`${value.name} holds ${value.type}, which is not served`)
  const shape = value.shape.map((size) => (typeof size === 'number' && size >= 0 ? size : ANY_SIZE))
  return { name: value.name, datatype, shape }
}

function checkAgreement(
  kind: string,
  described: readonly TensorDescription[],
  actual: readonly TensorSpec[],
): void {
  const format = (tensors: readonly { name: string; datatype: string; shape: readonly number[] }[]) =>
    tensors.map(({ name, datatype, shape }) => `${name} ${datatype} ${formatShape(shape)}`).join(', ')
  if (format(described) !== format(actual)) {
    throw new Error(`metadata.json lists the ${kind}s ${format(described)}; the model has ${format(actual)}`)
  }
}

/** The training profile of metadata.json, in the domain's terms; throws when it does not fit the model. */
function profileOf(
  { features, class_prior }: NonNullable<ModelMetadata['training_profile']>,
  signature: ModelSignature,
): TrainingProfile {
  const profile: TrainingProfile = { features, ...(class_prior && { classPrior: class_prior }) }
  const featureCount = signature.inputs.reduce((count, spec) => count + valuesPerInstance(spec), 0)
  const problem = profileProblem(profile, featureCount, signature.labels.length)
  if (problem) throw new Error(`metadata.json: ${problem}`)
  return profile
}
