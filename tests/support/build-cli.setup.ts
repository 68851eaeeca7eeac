import { buildCli } from '../../generator/build.js'

/** The tests run the CLI as it is installed, built from the sources as they are now. */
export default async function setup() {
  await buildCli()
}
