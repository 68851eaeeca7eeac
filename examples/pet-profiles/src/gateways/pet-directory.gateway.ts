import { getOwner, getPet } from '../clients/http/pets/operations.gen.js'
import type { GetOwnerResponses, GetPetResponses } from '../clients/http/pets/types.gen.js'
import type { RemoteClient } from '../clients/http/remote-client.js'
import { PetDirectoryNotFound, PetDirectoryRefused } from '../domain/pet-directory/pet-directory.errors.js'
import type { Owner, Pet, PetDirectory } from '../domain/pet-directory/pet-directory.port.js'
import { asDependencyUnavailable, remoteDetail } from './remote-errors.js'

/**
 * The pet directory, over the pets API: the remote's answers become the domain's types,
 * its refusals the domain's errors, and a remote that cannot answer a DependencyUnavailableError.
 */
export function createPetDirectoryGateway(petsApi: RemoteClient): PetDirectory {
  return {
    async getPet(id) {
      const answer = await getPet(petsApi, { path: { id } }).catch(asDependencyUnavailable)
      switch (answer.status) {
        case 200:
          return petOf(answer.body)
        case 400:
        case 414:
          throw new PetDirectoryRefused('getPet', remoteDetail(answer.body))
        case 404:
          throw new PetDirectoryNotFound('getPet', remoteDetail(answer.body))
      }
    },

    async getOwner(id) {
      const answer = await getOwner(petsApi, { path: { id } }).catch(asDependencyUnavailable)
      switch (answer.status) {
        case 200:
          return ownerOf(answer.body)
        case 400:
        case 414:
          throw new PetDirectoryRefused('getOwner', remoteDetail(answer.body))
        case 404:
          throw new PetDirectoryNotFound('getOwner', remoteDetail(answer.body))
      }
    },
  }
}

/** The remote's Pet, field by field: where the remote changes, this is where it shows. */
function petOf(remote: GetPetResponses[200]): Pet {
  return {
    id: remote.id,
    name: remote.name,
    ownerId: remote.ownerId,
    description: remote.description,
    species: remote.species,
    createdAt: remote.createdAt,
    updatedAt: remote.updatedAt,
  }
}

/** The remote's Owner, field by field: where the remote changes, this is where it shows. */
function ownerOf(remote: GetOwnerResponses[200]): Owner {
  return {
    id: remote.id,
    name: remote.name,
    email: remote.email,
    createdAt: remote.createdAt,
    updatedAt: remote.updatedAt,
  }
}
