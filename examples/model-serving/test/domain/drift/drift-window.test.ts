import { describe, expect, it } from 'vitest'
import { createDriftWindow } from '../../../src/domain/drift/drift-window.js'
import type { TrainingProfile } from '../../../src/domain/drift/training-profile.js'

/** Two features cut at 0 into two bins of half the training values each; two classes, even. */
const profile: TrainingProfile = {
  features: [
    { name: 'a', edges: [0], proportions: [0.5, 0.5] },
    { name: 'b', edges: [0], proportions: [0.5, 0.5] },
  ],
  classPrior: [0.5, 0.5],
}

const psiOf = (window: ReturnType<typeof createDriftWindow>, name: string) =>
  window.measures().features.find((feature) => feature.name === name)?.psi

describe('a drift window', () => {
  it('measures nothing moved on instances spread as in training', () => {
    const window = createDriftWindow(profile, 100)
    for (let n = 0; n < 100; n++) window.record([n % 2 ? 1 : -1, n % 2 ? -1 : 1], n % 2)

    expect(window.measures()).toEqual({
      samples: 100,
      features: [
        { name: 'a', psi: 0 },
        { name: 'b', psi: 0 },
      ],
      prediction: 0,
    })
  })

  it('measures the feature that moved, and the predictions, but not the feature that did not', () => {
    const window = createDriftWindow(profile, 100)
    for (let n = 0; n < 100; n++) window.record([1, n % 2 ? -1 : 1], 1)

    expect(psiOf(window, 'a')).toBeGreaterThan(0.25)
    expect(psiOf(window, 'b')).toBe(0)
    expect(window.measures().prediction).toBeGreaterThan(0.25)
  })

  it('keeps the last instances only: what it served before the window is forgotten', () => {
    const window = createDriftWindow(profile, 50)
    for (let n = 0; n < 500; n++) window.record([1, 1], 1)
    for (let n = 0; n < 50; n++) window.record([n % 2 ? 1 : -1, n % 2 ? 1 : -1], n % 2)

    expect(window.measures().samples).toBe(50)
    expect(psiOf(window, 'a')).toBe(0)
    expect(window.measures().prediction).toBe(0)
  })
})
