import { describe, expect, it } from 'vitest'
import type { GeneratedFile } from '../../generator/src/update/generated-tree.js'
import { mergePackageJson } from '../../generator/src/update/package-json-merge.js'
import { movesSince } from '../../generator/src/update/structure-moves.js'
import { planUpdate } from '../../generator/src/update/update-plan.js'

const tree = (files: Record<string, string | { sha256: string }>) =>
  new Map<string, GeneratedFile>(
    Object.entries(files).map(([path, file]) => [path, typeof file === 'string' ? { text: file } : file]),
  )
const lines = (...all: string[]) => `${all.join('\n')}\n`

describe('the plan of an update', () => {
  it('takes what only the template changed, keeps what only the service changed, and merges the rest', () => {
    const base = tree({ 'a.ts': lines('1', '2', '3'), 'b.ts': 'b\n', 'c.ts': lines('x', 'y', 'z', 'w') })
    const theirs = tree({
      'a.ts': lines('1', '2', '3', '4'),
      'b.ts': 'b\n',
      'c.ts': lines('X', 'y', 'z', 'w'),
    })
    const ours = tree({ 'a.ts': lines('1', '2', '3'), 'b.ts': 'mine\n', 'c.ts': lines('x', 'y', 'z', 'W') })

    expect(planUpdate(base, theirs, ours)).toEqual([
      {
        kind: 'write',
        path: 'a.ts',
        file: { text: lines('1', '2', '3', '4') },
        why: 'changed in the template',
      },
      {
        kind: 'write',
        path: 'c.ts',
        file: { text: lines('X', 'y', 'z', 'W') },
        why: 'changed in the template and here: merged',
      },
    ])
  })

  it('leaves deleted what the user deleted, adds what the template added, and deletes what it dropped unless changed', () => {
    const base = tree({ 'gone.ts': 'g\n', 'dropped.ts': 'd\n', 'dropped-but-edited.ts': 'e\n' })
    const theirs = tree({ 'gone.ts': 'g2\n', 'new.ts': 'n\n' })
    const ours = tree({ 'dropped.ts': 'd\n', 'dropped-but-edited.ts': 'edited\n', 'mine.ts': 'm\n' })

    expect(planUpdate(base, theirs, ours).map((update) => [update.kind, update.path])).toEqual([
      ['conflict', 'dropped-but-edited.ts'],
      ['delete', 'dropped.ts'],
      ['write', 'new.ts'],
    ])
  })

  it('keeps a binary file changed on both sides as it is, and reports it', () => {
    const plan = planUpdate(
      tree({ 'snapshot.tar.gz': { sha256: 'a' } }),
      tree({ 'snapshot.tar.gz': { sha256: 'b' } }),
      tree({ 'snapshot.tar.gz': { sha256: 'c' } }),
    )
    expect(plan).toEqual([expect.objectContaining({ kind: 'conflict', path: 'snapshot.tar.gz' })])
  })

  it('moves the service’s file, hand edits and all, where the template moved it, before merging', () => {
    const moves = [{ since: '0.2.0', from: 'src/web/old.ts', to: 'src/web/new.ts' }]
    const plan = planUpdate(
      tree({ 'src/web/old.ts': lines('a', 'b', 'c', 'd') }),
      tree({ 'src/web/new.ts': lines('a', 'b', 'c', 'D') }),
      tree({ 'src/web/old.ts': lines('A', 'b', 'c', 'd') }),
      movesSince('0.1.0', moves),
    )
    expect(plan).toEqual([
      { kind: 'move', path: 'src/web/old.ts', to: 'src/web/new.ts' },
      expect.objectContaining({
        kind: 'write',
        path: 'src/web/new.ts',
        file: { text: lines('A', 'b', 'c', 'D') },
      }),
    ])
    expect(movesSince('0.2.0', moves)).toEqual([])
  })
})

describe('package.json merged by key', () => {
  const manifest = (
    dependencies: Record<string, string>,
    scripts: Record<string, string> = { test: 'vitest run' },
  ) => `${JSON.stringify({ name: 'shop', scripts, dependencies }, null, 2)}\n`

  it('brings the template’s added and bumped dependencies, and keeps the service’s own', () => {
    const merged = mergePackageJson(
      manifest({ fastify: '^5.0.0', zod: '^4.0.0' }, { test: 'vitest run', seed: 'tsx seed.ts' }),
      manifest({ fastify: '^5.0.0', pg: '^8.0.0' }),
      manifest({ fastify: '^5.1.0', pg: '^8.0.0', ms: '^2.1.3' }),
    )
    expect(merged.conflicts).toEqual([])
    expect(JSON.parse(merged.text)).toEqual({
      name: 'shop',
      scripts: { test: 'vitest run', seed: 'tsx seed.ts' },
      dependencies: { fastify: '^5.1.0', zod: '^4.0.0', ms: '^2.1.3' },
    })
  })

  it('keeps the service’s value of a dependency both changed, and names it', () => {
    const merged = mergePackageJson(
      manifest({ fastify: '5.0.3' }),
      manifest({ fastify: '^5.0.0' }),
      manifest({ fastify: '^5.2.0' }),
    )
    expect(merged.conflicts).toEqual(['dependencies.fastify'])
    expect(JSON.parse(merged.text).dependencies).toEqual({ fastify: '5.0.3' })
  })
})
