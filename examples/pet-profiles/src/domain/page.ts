/** Which page of a list: at most `limit` items, those after the cursor `after` a previous page gave. */
export interface PageRequest {
  readonly limit: number
  readonly after?: string
}

/** One page of a list in a stable order; `nextCursor` asks for the page after it, null on the last. */
export interface Page<Item> {
  readonly items: readonly Item[]
  readonly nextCursor: string | null
}
