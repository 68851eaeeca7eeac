import { createRequire } from 'node:module'
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser'
import extractTsConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { describe, expect, it } from 'vitest'

const configuration = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration

describe('the dependency rule', () => {
  it('holds: every import in src/ points inward', async () => {
    const { output } = await cruise(
      ['src'],
      { ...configuration.options, validate: true, ruleSet: { forbidden: configuration.forbidden } },
      undefined,
      { tsConfig: extractTsConfig('tsconfig.json') },
    )

    const violations = (output as ICruiseResult).summary.violations.map(
      ({ from, to, rule }) => `${from} -> ${to} breaks ${rule.name}`,
    )
    expect(violations).toEqual([])
  })
})
