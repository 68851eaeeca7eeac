import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validate } from 'dockerfile-utils'
import { describe, expect, it } from 'vitest'
import { dockerfileProblems, parseDockerfile, runtimeStages } from '../support/dockerfile.js'
import { repositoryRoot } from '../support/run.js'

/** Every Dockerfile the project ships, with the folder that is its build context. */
const dockerfiles = ['template', 'examples/pets', 'examples/model-serving', '.']
  .map((folder) => join(repositoryRoot, folder))
  .filter((folder) => existsSync(join(folder, 'Dockerfile')))

const read = (folder: string, file: string) =>
  existsSync(join(folder, file)) ? readFileSync(join(folder, file), 'utf8') : undefined

describe.each(dockerfiles.map((folder) => [folder.replace(repositoryRoot, '') || '.', folder]))(
  '%s/Dockerfile',
  (_, folder) => {
    const text = read(folder, 'Dockerfile') ?? ''

    it('parses without errors', () => {
      expect(validate(text).filter((diagnostic) => diagnostic.severity === 1)).toEqual([])
    })

    it('follows every rule of a production image', () => {
      expect(dockerfileProblems(parseDockerfile(text), read(folder, '.dockerignore'))).toEqual([])
    })
  },
)

describe('the rules catch a broken Dockerfile', () => {
  const template = readFileSync(join(repositoryRoot, 'template/Dockerfile'), 'utf8')
  const dockerignore = readFileSync(join(repositoryRoot, 'template/.dockerignore'), 'utf8')
  const problemsWith = (edit: (text: string) => string) =>
    dockerfileProblems(parseDockerfile(edit(template)), dockerignore)

  it.each([
    ['runs as root', (t: string) => t.replace(/^USER .*$/m, ''), /non-root USER/],
    ['runs as user 0', (t: string) => t.replace(/^USER .*$/m, 'USER 0'), /non-root USER/],
    [
      'misses the compiled code and its migrations',
      (t: string) => t.replace(/^COPY --from=build \/app\/dist.*$/m, ''),
      /dist/,
    ],
    [
      'ships node_modules beside the bundle',
      (t: string) =>
        t.replace(
          'COPY --from=build /app/dist ./dist',
          'COPY --from=build /app/dist ./dist\nCOPY --from=build /app/node_modules ./node_modules',
        ),
      /node_modules/,
    ],
    [
      'bundles without the packages esbuild leaves out',
      (t: string) => t.replace('npm run build -- --standalone', 'npm run build'),
      /--standalone/,
    ],
    ['starts through npm', (t: string) => t.replace(/^CMD \[.*\]$/m, 'CMD ["npm", "start"]'), /exec form/],
    [
      'starts through a shell',
      (t: string) => t.replace(/^CMD \[.*\]$/m, 'CMD node --import ./dist/tracing.js dist/main.js'),
      /exec form/,
    ],
    [
      'starts without loading tracing first',
      (t: string) => t.replace(/^CMD \[.*\]$/m, 'CMD ["node", "dist/main.js"]'),
      /--import/,
    ],
    [
      'floats on a moving tag',
      (t: string) => t.replace(/NODE_IMAGE=node:[^\s]+/, 'NODE_IMAGE=node:latest'),
      /pinned/,
    ],
    ['has no health check', (t: string) => t.replace(/^HEALTHCHECK[\s\S]*?\n(?=#|CMD)/m, ''), /HEALTHCHECK/],
    ['exposes another port', (t: string) => t.replace('EXPOSE 8080', 'EXPOSE 3000'), /EXPOSE/],
    [
      'installs with npm install',
      (t: string) => t.replace('RUN npm ci --no-audit', 'RUN npm install --no-audit'),
      /npm ci only/,
    ],
  ])('one that %s', (_, edit, problem) => {
    expect(problemsWith(edit)).toEqual([expect.stringMatching(problem)])
  })

  it('a .dockerignore that lets node_modules into the context', () => {
    const problems = dockerfileProblems(
      parseDockerfile(template),
      dockerignore.replace(/^node_modules$/m, ''),
    )

    expect(problems).toEqual([expect.stringMatching(/node_modules/)])
  })
})

describe('the root Dockerfile', () => {
  const model = parseDockerfile(readFileSync(join(repositoryRoot, 'Dockerfile'), 'utf8'))

  it.each(['pets', 'model-serving'])('builds %s, chosen with --build-arg SERVICE', (service) => {
    const copies = model.stages.flatMap((stage) => stage.steps).filter((step) => step.keyword === 'COPY')

    expect(runtimeStages(model, { SERVICE: service })).toHaveLength(1)
    expect(copies.some((step) => step.text.startsWith(`examples/${'$'}{SERVICE}/`))).toBe(true)
    expect(existsSync(join(repositoryRoot, 'examples', service, 'package-lock.json'))).toBe(true)
  })
})

describe('the runtime', () => {
  it('the images ship is the one CI runs the services on', () => {
    const pkg = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'))
    const tested = /node@(\d+\.\d+\.\d+)/.exec(pkg.scripts['test:runtime'])?.[1]

    for (const folder of dockerfiles) {
      const { globalArgs } = parseDockerfile(read(folder, 'Dockerfile') ?? '')
      expect(globalArgs.NODE_IMAGE, folder).toMatch(new RegExp(`^node:${tested?.replaceAll('.', '\\.')}-`))
    }
  })
})
