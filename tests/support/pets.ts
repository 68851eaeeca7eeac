/** Adds an owner to a running pets service and gives its id: every pet needs one that exists. */
export async function addOwner(baseUrl: string, name: string): Promise<string> {
  const response = await fetch(`${baseUrl}/owners`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  if (response.status !== 201)
    throw new Error(`POST /owners answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { id: string }).id
}
