import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type BatcherOptions, createBatcher } from '../../src/service/batcher.js'

/** A job is a list of numbers (its rows); its result is those numbers doubled. */
type Job = number[]

function recordingBatcher(options: Partial<BatcherOptions<Job, number[]>> = {}) {
  const batches: (readonly Job[])[] = []
  const batcher = createBatcher<Job, number[]>({
    maxBatchSize: 4,
    maxDelayMs: 5,
    sizeOf: (job) => job.length,
    run: async (jobs) => {
      batches.push(jobs)
      if (jobs.flat().includes(-1)) throw new Error('the model cannot take -1')
      return jobs.map((job) => job.map((value) => value * 2))
    },
    ...options,
  })
  return { batcher, batches }
}

describe('the batcher', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs jobs that arrive within the window as one batch, and hands each its own result', async () => {
    const { batcher, batches } = recordingBatcher()

    const first = batcher.submit([1])
    await vi.advanceTimersByTimeAsync(4)
    const second = batcher.submit([2, 3])
    expect(batches).toEqual([])
    await vi.advanceTimersByTimeAsync(1)

    expect(batches).toEqual([[[1], [2, 3]]])
    await expect(first).resolves.toEqual([2])
    await expect(second).resolves.toEqual([4, 6])
  })

  it('runs a batch as soon as it is full, without waiting for the window to close', async () => {
    const { batcher, batches } = recordingBatcher()

    const results = [batcher.submit([1, 2]), batcher.submit([3, 4])]
    await vi.advanceTimersByTimeAsync(0)

    expect(batches).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ])
    await expect(Promise.all(results)).resolves.toEqual([
      [2, 4],
      [6, 8],
    ])
  })

  it('never puts more rows in a batch than allowed: the job that would overflow waits for the next', async () => {
    const { batcher, batches } = recordingBatcher()

    const results = [batcher.submit([1, 2, 3]), batcher.submit([4, 5]), batcher.submit([6])]
    await vi.advanceTimersByTimeAsync(0)
    expect(batches).toEqual([[[1, 2, 3]]])
    await vi.advanceTimersByTimeAsync(5)

    expect(batches).toEqual([[[1, 2, 3]], [[4, 5], [6]]])
    await expect(Promise.all(results)).resolves.toEqual([[2, 4, 6], [8, 10], [12]])
  })

  it('runs a job larger than a batch on its own', async () => {
    const { batcher, batches } = recordingBatcher()

    const result = batcher.submit([1, 2, 3, 4, 5])
    await vi.advanceTimersByTimeAsync(0)

    expect(batches).toEqual([[[1, 2, 3, 4, 5]]])
    await expect(result).resolves.toEqual([2, 4, 6, 8, 10])
  })

  it('runs every job at once when batching is off (a batch of one)', async () => {
    const { batcher, batches } = recordingBatcher({ maxBatchSize: 1 })

    const results = [batcher.submit([1]), batcher.submit([2])]
    await vi.advanceTimersByTimeAsync(0)

    expect(batches).toEqual([[[1]], [[2]]])
    await expect(Promise.all(results)).resolves.toEqual([[2], [4]])
  })

  it('with no delay, batches the jobs submitted in the same turn of the event loop', async () => {
    const { batcher, batches } = recordingBatcher({ maxDelayMs: 0 })

    const results = [batcher.submit([1]), batcher.submit([2])]
    await vi.advanceTimersByTimeAsync(0)
    const later = batcher.submit([3])
    await vi.advanceTimersByTimeAsync(0)

    expect(batches).toEqual([[[1], [2]], [[3]]])
    await expect(Promise.all([...results, later])).resolves.toEqual([[2], [4], [6]])
  })

  it('fails only the job that breaks a batch: the others are run again on their own', async () => {
    const { batcher, batches } = recordingBatcher()

    const good = batcher.submit([1])
    const bad = batcher.submit([-1])
    const alsoGood = batcher.submit([2])
    const outcomes = Promise.allSettled([good, bad, alsoGood])
    await vi.advanceTimersByTimeAsync(5)

    expect(await outcomes).toEqual([
      { status: 'fulfilled', value: [2] },
      { status: 'rejected', reason: new Error('the model cannot take -1') },
      { status: 'fulfilled', value: [4] },
    ])
    expect(batches).toEqual([[[1], [-1], [2]], [[1]], [[-1]], [[2]]])
  })
})
