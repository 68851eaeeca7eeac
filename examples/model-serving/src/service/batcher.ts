export interface BatcherOptions<Job, Result> {
  /** Most rows one batch may hold; 1 runs every job on its own, at once. */
  readonly maxBatchSize: number
  /** Longest the first job of a batch waits for others; 0 takes what is submitted in the same turn. */
  readonly maxDelayMs: number
  /** How many rows a job holds. A job larger than maxBatchSize runs alone. */
  readonly sizeOf: (job: Job) => number
  /** Runs jobs as one batch, answering one result per job, in order. */
  readonly run: (jobs: readonly Job[]) => Promise<readonly Result[]>
}

export interface Batcher<Job, Result> {
  /** Resolves with this job's own result once the batch it joined has run. */
  submit(job: Job): Promise<Result>
}

interface Waiting<Job, Result> {
  readonly job: Job
  readonly size: number
  readonly resolve: (result: Result) => void
  readonly reject: (error: unknown) => void
}

/**
 * Dynamic batching: jobs that arrive within a short window run together. A batch runs as soon as
 * it is full, or when its first job has waited maxDelayMs. When a batch fails, each of its jobs is
 * run again on its own, so a job that breaks the model fails alone.
 */
export function createBatcher<Job, Result>(options: BatcherOptions<Job, Result>): Batcher<Job, Result> {
  const { maxBatchSize, maxDelayMs, sizeOf, run } = options
  const queue: Waiting<Job, Result>[] = []
  let queuedRows = 0
  let cancelWindow: (() => void) | undefined

  function openWindow() {
    if (maxDelayMs === 0) {
      const immediate = setImmediate(runEverything)
      cancelWindow = () => clearImmediate(immediate)
    } else {
      const timer = setTimeout(runEverything, maxDelayMs)
      cancelWindow = () => clearTimeout(timer)
    }
  }

  function closeWindow() {
    cancelWindow?.()
    cancelWindow = undefined
  }

  function runEverything() {
    cancelWindow = undefined
    while (queue.length > 0) runNextBatch()
  }

  /** Takes jobs from the front while they fit in one batch; always at least one. */
  function runNextBatch() {
    let rows = 0
    let count = 0
    for (const waiting of queue) {
      if (count > 0 && rows + waiting.size > maxBatchSize) break
      rows += waiting.size
      count++
    }
    const batch = queue.splice(0, count)
    queuedRows -= rows
    void runBatch(batch)
  }

  async function runBatch(batch: readonly Waiting<Job, Result>[]): Promise<void> {
    try {
      const results = await run(batch.map((waiting) => waiting.job))
      batch.forEach((waiting, index) => {
        waiting.resolve(results[index] as Result)
      })
    } catch (error) {
      const [only] = batch
      if (only && batch.length === 1) only.reject(error)
      else for (const waiting of batch) void runBatch([waiting])
    }
  }

  return {
    submit(job) {
      return new Promise<Result>((resolve, reject) => {
        const size = sizeOf(job)
        queue.push({ job, size, resolve, reject })
        queuedRows += size
        while (queuedRows >= maxBatchSize) runNextBatch()
        if (queue.length === 0) closeWindow()
        else if (!cancelWindow) openWindow()
      })
    },
  }
}
