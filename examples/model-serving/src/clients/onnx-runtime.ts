import * as ort from 'onnxruntime-node'

export type OnnxSession = ort.InferenceSession
export type OnnxValueMetadata = ort.InferenceSession.ValueMetadata
export type OnnxTensorType = ort.Tensor.Type
export const OnnxTensor = ort.Tensor

export interface OnnxSessionOptions {
  /** Threads one inference may use; 0 lets onnxruntime take one per core. */
  readonly threads: number
}

/**
 * An onnxruntime session on a model file, on the CPU, with every graph optimisation on.
 * The Node binding runs each inference synchronously on the event-loop thread; extra threads only
 * split one inference, and they spin while they wait for work, so a small model is fastest on one.
 */
export function openOnnxSession(file: string, { threads }: OnnxSessionOptions): Promise<OnnxSession> {
  return ort.InferenceSession.create(file, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    ...(threads > 0 ? { intraOpNumThreads: threads } : {}),
  })
}
