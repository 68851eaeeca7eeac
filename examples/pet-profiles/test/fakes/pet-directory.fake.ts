import { DependencyUnavailableError } from '../../src/domain/errors.js'
import type { Owner, Pet, PetDirectory } from '../../src/domain/pet-directory/pet-directory.port.js'

/**
 * The pet directory in memory, for the tests of the services that use it: each operation answers
 * as the test says, every call is recorded, and one given no answer fails as a remote that is down.
 */
export class FakePetDirectory implements PetDirectory {
  readonly calls: { operation: keyof PetDirectory; arguments: unknown[] }[] = []

  constructor(private readonly answers: Partial<PetDirectory> = {}) {}

  async getPet(id: string): Promise<Pet> {
    this.calls.push({ operation: 'getPet', arguments: [id] })
    const answer = this.answers.getPet
    if (!answer)
      throw new DependencyUnavailableError('pet directory (the fake was given no answer to getPet)')
    return answer(id)
  }

  async getOwner(id: string): Promise<Owner> {
    this.calls.push({ operation: 'getOwner', arguments: [id] })
    const answer = this.answers.getOwner
    if (!answer)
      throw new DependencyUnavailableError('pet directory (the fake was given no answer to getOwner)')
    return answer(id)
  }
}
