import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Behaviour = (request: IncomingMessage, response: ServerResponse, hit: number) => void

/**
 * A real HTTP server that misbehaves on purpose, route by route: each behaviour gets the number of
 * times its route was called, so a test can fail the first calls and recover after.
 */
export async function unreliableRemote(routes: Record<string, Behaviour>) {
  const hits = new Map<string, number>()
  const server = createServer((request, response) => {
    const route = `${request.method} ${request.url?.split('?')[0]}`
    const hit = (hits.get(route) ?? 0) + 1
    hits.set(route, hit)
    const behaviour = routes[route]
    if (behaviour) behaviour(request, response, hit)
    else response.writeHead(404, { 'content-type': 'application/json' }).end('{"title":"Not Found"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** How many times `METHOD /path` was called. */
    hitsOf: (route: string) => hits.get(route) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour => {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
  }
}

/** Answers `status` with no body, as a 204 does. */
export const empty = (status: number): Behaviour => {
  return (_request, response) => {
    response.writeHead(status).end()
  }
}

/** Takes the request and never answers. */
export const silent: Behaviour = () => {}

/** Cuts the connection without a word. */
export const dropped: Behaviour = (request) => {
  request.socket.destroy()
}
