import { Command, CommanderError } from 'commander'
import { addConsumer } from './commands/add-consumer.js'
import { addField } from './commands/add-field.js'
import { addGateway } from './commands/add-gateway.js'
import { addResource } from './commands/add-resource.js'
import { newService } from './commands/new-service.js'
import { updateGateway } from './commands/update-gateway.js'
import { checkService, recordBase, UpdateConflicts, updateService } from './commands/update-service.js'
import { UsageError } from './usage-error.js'
import { anatomyVersion } from './version.js'

const program = new Command('anatomy')
  .description('Generate clean-architecture TypeScript microservices.')
  .version(anatomyVersion)
  .exitOverride()
  .showSuggestionAfterError()

program
  .command('new')
  .description('create a service from the template')
  .argument('[name]', 'service name: its npm package and folder name (asked for when omitted)')
  .option('-d, --dir <parent>', 'folder to create the service in', '.')
  .option('--description <text>', 'one-line description of the service')
  .option('-y, --yes', 'ask nothing: take defaults for every answer not given', false)
  .option('--no-install', 'do not run npm install in the new service')
  .option(
    '--templates <dir>',
    "a team's folder of template overrides: files at the template's paths (src/web/server.ts, resource/service.ts.hbs) replace anatomy's own",
  )
  .action((name: string | undefined, options) => newService(name, options))

const add = program.command('add').description('add a part to an existing service')

add
  .command('resource')
  .description('add a resource across every layer: domain, service, HTTP, gateway, migration, tests')
  .argument('[name]', 'singular resource name, e.g. pet or pet-owner (asked for when omitted)')
  .option('-f, --fields <spec>', 'fields as name:type[?], comma separated, e.g. "name:string,notes:text?"')
  .option('-s, --service <dir>', 'the service to add it to', '.')
  .option('-y, --yes', 'ask nothing: fail on anything not given', false)
  .option('--dry-run', 'print the files it would create and the changes it would make; write nothing', false)
  .option('--migration-timestamp <yyyymmddhhmmss>', 'UTC timestamp for the migration name (default: now)')
  .addHelpText(
    'after',
    [
      '',
      'Field types: string, text, integer, number, boolean, date, datetime, uuid, enum(a|b|c); ? marks optional.',
      'References: owner:ref(person) is ownerId, the id of a person (many pets to one person), with',
      'GET /people/{id}/pets; deleting a person pets refer to is refused (409), or with ref(person, cascade)',
      'deletes them too. The resource referred to must exist first.',
    ].join('\n'),
  )
  .action((name: string | undefined, options) => addResource(name, options))

add
  .command('field')
  .description(
    'add an optional field to a resource: a migration, and the field in every layer and in the tests',
  )
  .argument('<resource>', 'the resource, e.g. pet')
  .argument('<spec>', 'the field, name:type?, e.g. "nickname:string?"')
  .option('-s, --service <dir>', 'the service to change', '.')
  .option('--dry-run', 'print the files it would create and the changes it would make; write nothing', false)
  .option('--migration-timestamp <yyyymmddhhmmss>', 'UTC timestamp for the migration name (default: now)')
  .action((resource: string, spec: string, options) => addField(resource, spec, options))

add
  .command('gateway')
  .description(
    'add a gateway to a remote service from its OpenAPI document: typed calls, a port, the gateway, a fake, tests, wiring',
  )
  .argument(
    '[name]',
    'the port, named by what the domain needs of the remote, e.g. pet-directory (asked for when omitted)',
  )
  .option(
    '--openapi <file-or-url>',
    "the remote's OpenAPI 3.x document, JSON or YAML, e.g. http://localhost:8080/docs/json",
  )
  .option(
    '--remote <name>',
    "the remote's name in settings, metrics and errors (default: the document's title)",
  )
  .option('--operations <ids>', 'the operations the port offers, comma separated operationIds (default: all)')
  .option('-s, --service <dir>', 'the service to add it to', '.')
  .option('-y, --yes', 'ask nothing: fail on anything not given', false)
  .option('--dry-run', 'print the files it would create and the changes it would make; write nothing', false)
  .action((name: string | undefined, options) => addGateway(name, options))

add
  .command('consumer')
  .description(
    'add a queue consumer that calls a use case for each message, once per message id: the handler, its test, wiring',
  )
  .argument('[name]', 'the queue, after the service prefix, e.g. pet-arrivals (asked for when omitted)')
  .option(
    '--use-case <resource.operation>',
    'the use case each message calls: pets.addPet, pets.updatePet or pets.deletePet',
  )
  .option('-s, --service <dir>', 'the service to add it to', '.')
  .option('-y, --yes', 'ask nothing: fail on anything not given', false)
  .option('--dry-run', 'print the files it would create and the changes it would make; write nothing', false)
  .action((name: string | undefined, options) => addConsumer(name, options))

program
  .command('update-gateway')
  .description(
    "make a gateway's types and calls anew from the remote's document; the typecheck then shows what to change",
  )
  .argument('<name>', 'the gateway, e.g. pet-directory')
  .option(
    '--openapi <file-or-url>',
    'read the document from here from now on (default: where it was read before)',
  )
  .option('-s, --service <dir>', 'the service to change', '.')
  .option('--dry-run', 'print the files it would write; write nothing', false)
  .action((name: string, options) => updateGateway(name, options))

program
  .command('update')
  .description(
    'bring the service to what this anatomy writes: a three-way merge from what it wrote last time, keeping every hand edit',
  )
  .option('--to <version>', 'the version to update to: the installed anatomy (the default)')
  .option('-s, --service <dir>', 'the service to update', '.')
  .option('--dry-run', 'print what would change; write nothing', false)
  .option(
    '--record-base',
    'record what this anatomy writes for the service as what it was made from (once, for a service made before anatomy kept it)',
    false,
  )
  .action(async (options) => {
    if (options.recordBase) await recordBase(options)
    else await updateService(options)
  })

program
  .command('check')
  .description(
    'exit 1 when the service is behind the installed anatomy, printing what anatomy update would change',
  )
  .option('-s, --service <dir>', 'the service to check', '.')
  .action(async (options) => {
    if (!(await checkService(options))) process.exitCode = 1
  })

try {
  await program.parseAsync()
} catch (error) {
  process.exitCode = exitCodeOf(error)
}

/** 0 for help and version, 2 when the request itself is wrong, 1 when carrying it out failed. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? 0 : 2
  }
  console.error(`anatomy: ${error instanceof Error ? error.message : String(error)}`)
  if (error instanceof UpdateConflicts) return 1
  return error instanceof UsageError ? 2 : 1
}
