import { OnnxTensor, openOnnxSession } from '../../examples/model-serving/src/clients/onnx-runtime.js'

export interface BatchThroughput {
  readonly batchSize: number
  readonly instancesPerSecond: number
  readonly msPerBatch: number
}

/**
 * The in-process limit: the session the service opens (same options), called in a loop with no
 * HTTP in front, for each batch size. What no server of this model can beat on this machine.
 */
export async function measureInferenceLimit(
  modelFile: string,
  features: number,
  batchSizes: readonly number[],
  secondsEach: number,
): Promise<BatchThroughput[]> {
  const session = await openOnnxSession(modelFile, { threads: 1 })
  try {
    const results: BatchThroughput[] = []
    for (const batchSize of batchSizes) {
      const input = new OnnxTensor('float32', new Float32Array(batchSize * features).fill(0.5), [
        batchSize,
        features,
      ])
      const feeds = { [session.inputNames[0] as string]: input }
      for (let warmUp = 0; warmUp < 10; warmUp++) await session.run(feeds)
      let batches = 0
      const started = performance.now()
      const deadline = started + secondsEach * 1000
      while (performance.now() < deadline) {
        await session.run(feeds)
        batches++
      }
      const elapsedMs = performance.now() - started
      results.push({
        batchSize,
        instancesPerSecond: (batches * batchSize * 1000) / elapsedMs,
        msPerBatch: elapsedMs / batches,
      })
    }
    return results
  } finally {
    await session.release()
  }
}
