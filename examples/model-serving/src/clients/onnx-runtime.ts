import * as ort from 'onnxruntime-node'

export type OnnxSession = ort.InferenceSession
export type OnnxValueMetadata = ort.InferenceSession.ValueMetadata
export type OnnxTensorType = ort.Tensor.Type
export const OnnxTensor = ort.Tensor

export interface OnnxSessionOptions {
  /** Threads one inference may use; 0 lets onnxruntime take one per core. */
  readonly threads: number
}

/** An onnxruntime session on a model file, on the CPU, with every graph optimisation on. */
export function openOnnxSession(file: string, { threads }: OnnxSessionOptions): Promise<OnnxSession> {
  return ort.InferenceSession.create(file, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    ...(threads > 0 ? { intraOpNumThreads: threads } : {}),
  })
}
