import { postJson } from './service-process.js'

/** Adds an owner to a running pets service and gives its id: every pet needs one that exists. */
export async function addOwner(baseUrl: string, name: string): Promise<string> {
  const response = await postJson(`${baseUrl}/owners`, { name })
  if (response.status !== 201)
    throw new Error(`POST /owners answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { id: string }).id
}
