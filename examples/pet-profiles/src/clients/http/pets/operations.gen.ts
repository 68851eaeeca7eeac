// Made from openapi.json by anatomy: `anatomy update-gateway pet-directory` makes it again.
import { remoteOperation } from '../remote-operation.js'
import type {
  AddOwnerData,
  AddOwnerErrors,
  AddOwnerResponses,
  AddPetData,
  AddPetErrors,
  AddPetResponses,
  AdoptPetData,
  AdoptPetErrors,
  AdoptPetResponses,
  DeleteOwnerData,
  DeleteOwnerErrors,
  DeleteOwnerResponses,
  DeletePetData,
  DeletePetErrors,
  DeletePetResponses,
  GetHealthData,
  GetHealthErrors,
  GetHealthLiveData,
  GetHealthLiveErrors,
  GetHealthLiveResponses,
  GetHealthReadyData,
  GetHealthReadyErrors,
  GetHealthReadyResponses,
  GetHealthResponses,
  GetMetricsData,
  GetMetricsErrors,
  GetMetricsResponses,
  GetOwnerData,
  GetOwnerErrors,
  GetOwnerResponses,
  GetPetData,
  GetPetErrors,
  GetPetResponses,
  ListOwnersData,
  ListOwnersErrors,
  ListOwnersResponses,
  ListPetsData,
  ListPetsErrors,
  ListPetsOfOwnerData,
  ListPetsOfOwnerErrors,
  ListPetsOfOwnerResponses,
  ListPetsResponses,
  UpdateOwnerData,
  UpdateOwnerErrors,
  UpdateOwnerResponses,
  UpdatePetData,
  UpdatePetErrors,
  UpdatePetResponses,
} from './types.gen.js'
import {
  vAddOwnerResponse,
  vAddPetResponse,
  vAdoptPetResponse,
  vGetHealthLiveResponse,
  vGetHealthReadyResponse,
  vGetHealthResponse,
  vGetOwnerResponse,
  vGetPetResponse,
  vListOwnersResponse,
  vListPetsOfOwnerResponse,
  vListPetsResponse,
  vUpdateOwnerResponse,
  vUpdatePetResponse,
} from './valibot.gen.js'

/** GET /metrics: Metrics in the Prometheus text format */
export const getMetrics = remoteOperation<GetMetricsData, GetMetricsResponses & GetMetricsErrors>({
  operation: 'getMetrics',
  method: 'GET',
  url: '/metrics',
  statuses: [200],
})

/** GET /health/live: The process is up */
export const getHealthLive = remoteOperation<GetHealthLiveData, GetHealthLiveResponses & GetHealthLiveErrors>(
  {
    operation: 'getHealthLive',
    method: 'GET',
    url: '/health/live',
    statuses: [200],
    checks: { 200: vGetHealthLiveResponse },
  },
)

/** GET /health/ready: Every dependency answers */
export const getHealthReady = remoteOperation<
  GetHealthReadyData,
  GetHealthReadyResponses & GetHealthReadyErrors
>({
  operation: 'getHealthReady',
  method: 'GET',
  url: '/health/ready',
  statuses: [200],
  checks: { 200: vGetHealthReadyResponse },
})

/** GET /health: Liveness and readiness in one answer */
export const getHealth = remoteOperation<GetHealthData, GetHealthResponses & GetHealthErrors>({
  operation: 'getHealth',
  method: 'GET',
  url: '/health',
  statuses: [200],
  checks: { 200: vGetHealthResponse },
})

/** GET /owners: List owners, oldest first or as sorted, a page at a time */
export const listOwners = remoteOperation<ListOwnersData, ListOwnersResponses & ListOwnersErrors>({
  operation: 'listOwners',
  method: 'GET',
  url: '/owners',
  statuses: [200, 400, 422],
  checks: { 200: vListOwnersResponse },
})

/** POST /owners: Add an owner */
export const addOwner = remoteOperation<AddOwnerData, AddOwnerResponses & AddOwnerErrors>({
  operation: 'addOwner',
  method: 'POST',
  url: '/owners',
  statuses: [201, 400, 409, 413, 415, 422],
  checks: { 201: vAddOwnerResponse },
})

/** GET /owners/{id}: Get one owner */
export const getOwner = remoteOperation<GetOwnerData, GetOwnerResponses & GetOwnerErrors>({
  operation: 'getOwner',
  method: 'GET',
  url: '/owners/{id}',
  statuses: [200, 400, 404, 414],
  checks: { 200: vGetOwnerResponse },
})

/** DELETE /owners/{id}: Delete an owner */
export const deleteOwner = remoteOperation<DeleteOwnerData, DeleteOwnerResponses & DeleteOwnerErrors>({
  operation: 'deleteOwner',
  method: 'DELETE',
  url: '/owners/{id}',
  statuses: [204, 400, 404, 409, 414],
})

/** PATCH /owners/{id}: Change some fields of an owner */
export const updateOwner = remoteOperation<UpdateOwnerData, UpdateOwnerResponses & UpdateOwnerErrors>({
  operation: 'updateOwner',
  method: 'PATCH',
  url: '/owners/{id}',
  statuses: [200, 400, 404, 409, 413, 414, 415, 422],
  checks: { 200: vUpdateOwnerResponse },
})

/** GET /pets: List pets, oldest first or as sorted, a page at a time */
export const listPets = remoteOperation<ListPetsData, ListPetsResponses & ListPetsErrors>({
  operation: 'listPets',
  method: 'GET',
  url: '/pets',
  statuses: [200, 400, 422],
  checks: { 200: vListPetsResponse },
})

/** POST /pets: Add a pet */
export const addPet = remoteOperation<AddPetData, AddPetResponses & AddPetErrors>({
  operation: 'addPet',
  method: 'POST',
  url: '/pets',
  statuses: [201, 400, 409, 413, 415, 422],
  checks: { 201: vAddPetResponse },
})

/** GET /owners/{id}/pets: List the pets whose owner is this owner, a page at a time */
export const listPetsOfOwner = remoteOperation<
  ListPetsOfOwnerData,
  ListPetsOfOwnerResponses & ListPetsOfOwnerErrors
>({
  operation: 'listPetsOfOwner',
  method: 'GET',
  url: '/owners/{id}/pets',
  statuses: [200, 400, 404, 414, 422],
  checks: { 200: vListPetsOfOwnerResponse },
})

/** GET /pets/{id}: Get one pet */
export const getPet = remoteOperation<GetPetData, GetPetResponses & GetPetErrors>({
  operation: 'getPet',
  method: 'GET',
  url: '/pets/{id}',
  statuses: [200, 400, 404, 414],
  checks: { 200: vGetPetResponse },
})

/** DELETE /pets/{id}: Delete a pet */
export const deletePet = remoteOperation<DeletePetData, DeletePetResponses & DeletePetErrors>({
  operation: 'deletePet',
  method: 'DELETE',
  url: '/pets/{id}',
  statuses: [204, 400, 404, 409, 414],
})

/** PATCH /pets/{id}: Change some fields of a pet */
export const updatePet = remoteOperation<UpdatePetData, UpdatePetResponses & UpdatePetErrors>({
  operation: 'updatePet',
  method: 'PATCH',
  url: '/pets/{id}',
  statuses: [200, 400, 404, 409, 413, 414, 415, 422],
  checks: { 200: vUpdatePetResponse },
})

/** POST /pets/{id}/adoption: Give a pet to a new owner */
export const adoptPet = remoteOperation<AdoptPetData, AdoptPetResponses & AdoptPetErrors>({
  operation: 'adoptPet',
  method: 'POST',
  url: '/pets/{id}/adoption',
  statuses: [200, 400, 404, 409, 413, 414, 415, 422],
  checks: { 200: vAdoptPetResponse },
})
