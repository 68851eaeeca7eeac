import { UsageError } from '../usage-error.js'

/**
 * A file the generator must change no longer has the shape it can change safely. Nothing is
 * written; the message says what is missing and what the generator would have added, so the
 * user can put the file back in shape, or make the change by hand.
 */
export class WiringRefused extends UsageError {
  constructor(path: string, missing: string, wouldAdd: readonly string[]) {
    super(
      [
        `cannot change ${path}: ${missing}. Nothing was written.`,
        'These are the lines the generator adds there; restore the shape it looks for and run the command again, or add them by hand:',
        ...wouldAdd.map((line) => `    ${line}`),
      ].join('\n'),
    )
  }
}
