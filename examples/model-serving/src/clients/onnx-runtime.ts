import * as ort from 'onnxruntime-node'

export type OnnxSession = ort.InferenceSession
export type OnnxValueMetadata = ort.InferenceSession.ValueMetadata
export type OnnxTensorType = ort.Tensor.Type
export const OnnxTensor = ort.Tensor

/** An onnxruntime session on a model file, on the CPU, with every graph optimisation on. */
export function openOnnxSession(file: string): Promise<OnnxSession> {
  return ort.InferenceSession.create(file, { executionProviders: ['cpu'], graphOptimizationLevel: 'all' })
}
