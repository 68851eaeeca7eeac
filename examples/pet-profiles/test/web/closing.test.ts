import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createServer } from '../../src/web/server.js'
import { serverOptions } from '../support/http.js'

describe('a server that is closing', () => {
  it('answers a request still arriving on an open connection with a 503 problem, and runs nothing', async () => {
    const server = await createServer(serverOptions())
    let release = () => {}
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let widgetsListed = 0
    let slowStarted = () => {}
    const inFlight = new Promise<void>((resolve) => {
      slowStarted = resolve
    })
    server.get('/slow', async () => {
      slowStarted()
      await released
      return { done: true }
    })
    server.get('/widgets', async () => {
      widgetsListed++
      return { widgets: [] }
    })
    const closingBegun = new Promise<void>((resolve) => {
      server.addHook('preClose', (done) => {
        resolve()
        done()
      })
    })
    await server.listen({ host: '127.0.0.1', port: 0 })
    const widgetsArrived = new Promise<void>((resolve) => {
      server.server.on('request', (request) => request.url === '/widgets' && resolve())
    })
    const socket = connect((server.server.address() as AddressInfo).port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk
    })
    const ended = new Promise((resolve) => socket.on('close', resolve))

    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\n')
    await inFlight
    const closed = server.close()
    await closingBegun
    // Pipelined behind the one in flight, which keeps the connection open.
    socket.write('GET /widgets HTTP/1.1\r\nHost: test\r\n\r\n')
    await widgetsArrived
    release()
    await Promise.all([closed, ended])

    const [first, second = ''] = received.split(/(?=HTTP\/1\.1 )/)
    expect(first).toMatch(/^HTTP\/1\.1 200/)
    expect(second).toMatch(/^HTTP\/1\.1 503/)
    expect(second).toMatch(/content-type: application\/problem\+json/i)
    expect(second).toMatch(/retry-after: \d+/i)
    expect(second).toContain('"detail":"the service is shutting down"')
    expect(widgetsListed).toBe(0)
  })
})
