export type Pet = {
  id: string
  name: string
  ownerId: string
  description: string | null
  species: 'dog' | 'cat' | 'bird' | 'other'
  createdAt: string
  updatedAt: string
}

export type Owner = { id: string; name: string; email: string | null; createdAt: string; updatedAt: string }

/**
 * What the domain needs of the pets API, in the domain's own terms; the gateway in
 * gateways/pet-directory.gateway.ts implements it. Name the methods and shape the types as the
 * domain speaks: the gateway's mapping is the one place that then has to follow.
 */
export interface PetDirectory {
  /** Get one pet: GET /pets/{id} */
  getPet(id: string): Promise<Pet>
  /** Get one owner: GET /owners/{id} */
  getOwner(id: string): Promise<Owner>
}
