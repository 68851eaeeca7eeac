import type { LoadResult } from './load.js'
import { median } from './stats.js'

export interface Contender {
  readonly name: string
  /** One measured run. */
  readonly measure: () => Promise<LoadResult>
  /** A run whose numbers are thrown away: JIT, connection pools and caches warm up. */
  readonly warmUp: () => Promise<unknown>
}

export interface Comparison {
  readonly subject: Summary
  readonly baseline: Summary
  /** Median over rounds of subject req/s ÷ baseline req/s, both measured in the same round. */
  readonly ratio: number
  readonly roundRatios: readonly number[]
}

export interface Summary {
  readonly requestsPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly rounds: readonly LoadResult[]
}

/**
 * Measures contenders one after the other, never at the same time, in rounds whose order
 * rotates (A B C, B C A, C A B...), after a warm-up of each. On a shared machine throughput
 * drifts; ratios taken within each round, and their median over rounds, cancel most of that
 * drift where one long run each would not. Answers each contender's runs, one per round.
 */
export async function inRotation(
  contenders: readonly Contender[],
  rounds: number,
): Promise<Map<Contender, LoadResult[]>> {
  for (const contender of contenders) await contender.warmUp()
  const runs = new Map(contenders.map((contender): [Contender, LoadResult[]] => [contender, []]))
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(turn + round) % contenders.length] as Contender
      runs.get(contender)?.push(await contender.measure())
    }
  }
  return runs
}

/** A subject against its baseline, in rotating rounds. */
export async function sideBySide(
  subject: Contender,
  baseline: Contender,
  rounds: number,
): Promise<Comparison> {
  const runs = await inRotation([subject, baseline], rounds)
  const subjectRuns = runs.get(subject) ?? []
  const baselineRuns = runs.get(baseline) ?? []
  const roundRatios = ratiosByRound(subjectRuns, baselineRuns)
  return {
    subject: summarise(subjectRuns),
    baseline: summarise(baselineRuns),
    ratio: median(roundRatios),
    roundRatios,
  }
}

/** Each round's req/s of `runs` over those of `reference`. */
export function ratiosByRound(runs: readonly LoadResult[], reference: readonly LoadResult[]): number[] {
  return runs.map((run, round) => run.requestsPerSecond / (reference[round]?.requestsPerSecond ?? Number.NaN))
}

export function summarise(runs: readonly LoadResult[]): Summary {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    rounds: runs,
  }
}
