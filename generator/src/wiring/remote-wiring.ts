import ts from 'typescript'
import type { RemoteNames } from '../gateway/gateway-model.js'
import { addProperty, objectOfConstant } from './members.js'
import { applyEdits, insertAt } from './text-edits.js'
import { descendants, importEdits, indentationAt, parseSource } from './typescript-source.js'
import { WiringRefused } from './wiring-refused.js'

/** `petsApi: remoteSettings('pets API', 'PETS_API', …)` in the config schema, read from PETS_API_URL and the rest. */
export function addRemoteSettings(text: string, remote: RemoteNames): string {
  const path = 'src/config/config.schema.ts'
  const entry = `${remote.setting}: remoteSettings('${remote.label}', '${remote.ENV}', { baseUrl: '${remote.baseUrl}' })`
  const source = parseSource(path, text)
  const schema = objectOfConstant(source, 'configSchema')
  const refuse = (missing: string) =>
    new WiringRefused(path, missing, [
      `import { remoteSettings } from './remote.settings.js'`,
      `${entry},   // in configSchema`,
    ])
  if (!schema) throw refuse('it has no `export const configSchema = { ... }`')
  const taken = schema.properties.some((property) => property.name?.getText(source) === remote.setting)
  if (taken) throw refuse(`configSchema already has \`${remote.setting}\``)
  return applyEdits(text, [
    ...importEdits(source, [{ names: ['remoteSettings'], from: './remote.settings.js' }]),
    addProperty(source, schema, entry),
  ])
}

/**
 * The remote's client in the composition root: made before the server, with the service's
 * metrics and the request id of the call being answered, and closed with the server.
 */
export function addRemoteClient(text: string, remote: RemoteNames): string {
  const path = 'src/app.ts'
  const source = parseSource(path, text)
  const buildApp = descendants(source).find(
    (node): node is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(node) && node.name?.text === 'buildApp',
  )
  const config = buildApp?.parameters[0]?.name.getText(source) ?? 'config'
  const client = `const ${remote.setting} = createRemoteClient('${remote.kebab}', ${config}.${remote.setting}, { metrics, requestId: currentRequestId })`
  const hook = `server.addHook('onClose', () => ${remote.setting}.close())`
  const refuse = (missing: string) =>
    new WiringRefused(path, missing, [
      `import { createRemoteClient } from './clients/http/remote-client.js'`,
      `import { currentRequestId } from './web/request-context.js'`,
      `${client}   // in buildApp, before createServer`,
      'requestContext: true,   // in the options of createServer',
      `${hook}   // after createServer`,
    ])
  if (!buildApp?.body) throw refuse('it has no function buildApp')
  const declared = new Set(
    descendants(buildApp.body)
      .filter(ts.isVariableDeclaration)
      .map((declaration) => declaration.name.getText(source)),
  )
  if (!declared.has('metrics')) throw refuse('buildApp has no `metrics` registry')
  if (declared.has(remote.setting)) throw refuse(`buildApp already declares \`${remote.setting}\``)
  const serverStatement = descendants(buildApp.body).find(
    (node): node is ts.VariableStatement =>
      ts.isVariableStatement(node) && createServerCall(node) !== undefined,
  )
  const options = serverStatement && createServerCall(serverStatement)?.arguments[0]
  if (!serverStatement || !options || !ts.isObjectLiteralExpression(options)) {
    throw refuse('buildApp has no `const server = await createServer({ ... })`')
  }
  const server = serverStatement.declarationList.declarations[0]?.name.getText(source) ?? 'server'
  const indentation = indentationAt(source, serverStatement.getStart())
  const contextOn = options.properties.some((property) => property.name?.getText(source) === 'requestContext')
  return applyEdits(text, [
    ...importEdits(source, [
      { names: ['createRemoteClient'], from: './clients/http/remote-client.js' },
      { names: ['currentRequestId'], from: './web/request-context.js' },
    ]),
    insertAt(serverStatement.getStart(), `${client}\n${indentation}`),
    ...(contextOn ? [] : [addProperty(source, options, 'requestContext: true')]),
    insertAt(serverStatement.getEnd(), `\n${indentation}${hook.replace('server.', `${server}.`)}`),
  ])
}

function createServerCall(statement: ts.VariableStatement): ts.CallExpression | undefined {
  const value = statement.declarationList.declarations[0]?.initializer
  const call = value && ts.isAwaitExpression(value) ? value.expression : value
  return call && ts.isCallExpression(call) && call.expression.getText() === 'createServer' ? call : undefined
}

/** The remote's URL in the Kubernetes ConfigMap, where it can be set per cluster. */
export function addRemoteToConfigMap(text: string, remote: RemoteNames): string {
  const path = 'deploy/k8s/configmap.yaml'
  const line = `  ${remote.ENV}_URL: "${remote.baseUrl}"`
  const lines = text.split('\n')
  const data = lines.findIndex((each) => /^data:\s*$/.test(each))
  if (data === -1) throw new WiringRefused(path, 'it has no `data:` block', [`${line}   # under data:`])
  if (lines.some((each) => each.trimStart().startsWith(`${remote.ENV}_URL:`))) {
    throw new WiringRefused(path, `it already sets ${remote.ENV}_URL`, [line])
  }
  let end = data + 1
  while (end < lines.length && /^(\s+\S|\s*$)/.test(lines[end] ?? '') && !/^\S/.test(lines[end] ?? '')) end++
  while (end > data + 1 && (lines[end - 1] ?? '').trim() === '') end--
  return [
    ...lines.slice(0, end),
    `  # The ${remote.label}: the calls' deadlines and retries have defaults (README).`,
    line,
    ...lines.slice(end),
  ].join('\n')
}
