import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser'
import extractTsConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { describe, expect, it } from 'vitest'

const serviceRoot = fileURLToPath(new URL('../../', import.meta.url))
const configuration = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration

describe('the dependency rule', () => {
  it('holds: every import in src/ points inward', async () => {
    const { output } = await cruise(
      ['src'],
      {
        ...configuration.options,
        baseDir: serviceRoot,
        validate: true,
        ruleSet: { forbidden: configuration.forbidden },
      },
      undefined,
      { tsConfig: extractTsConfig(join(serviceRoot, 'tsconfig.json')) },
    )

    const violations = (output as ICruiseResult).summary.violations.map(
      ({ from, to, rule }) => `${from} -> ${to} breaks ${rule.name}`,
    )
    expect(violations).toEqual([])
  })
})
