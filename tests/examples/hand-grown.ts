/**
 * The files of each example written or changed by hand after generation. Every other file is
 * the generator's: the drift test requires it to be exactly what regenerating gives, and
 * `npm run examples:sync` rewrites it from the current template.
 */
export const handGrownFiles = {
  pets: [
    'README.md',
    'src/domain/pets/pet.ts',
    'src/domain/pets/pet.errors.ts',
    'src/domain/pets/pet-repository.port.ts',
    'src/service/pets.service.ts',
    'src/resources/pets.schemas.ts',
    'src/resources/pets.resource.ts',
    'src/gateways/pets.gateway.ts',
    'src/migrations/index.ts',
    'src/migrations/20261123170000_unique_pet_names_per_owner.ts',
    'test/fakes/pets.fake.ts',
    'test/contracts/pet-repository.contract.ts',
    'test/domain/pet.test.ts',
    'test/service/pets.service.test.ts',
    'test/resources/pets.resource.test.ts',
  ].sort(),
}

/** Files npm, the build and the running service make, which no generator writes. */
export function notGeneratorOwned(file: string): boolean {
  return ['dist/', 'node_modules/', '.data/'].some((folder) => file.startsWith(folder)) || file === 'package-lock.json'
}
