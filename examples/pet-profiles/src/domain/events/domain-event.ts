/**
 * Something that happened in the domain, worth telling other services about. `type` names it the
 * way subscribers bind to it (`pet.adopted`); `data` is what they need to act, as plain JSON.
 */
export interface DomainEvent {
  readonly type: string
  readonly data: Readonly<Record<string, unknown>>
}
