/**
 * `npm run roster -- check FILE.xlsx --catalogue ID [--accepted-on YYYY-MM-DD]`
 * Checks a roster offline with the same rules as the server (zip checks, every
 * row, duplicates) and prints JSON `{rowCount, validCount, errors: [{row, column,
 * code, message}]}`. Exit status: 0 no error, 1 errors found, 2 usage error.
 * Catalogues: the built-in ones plus `${HUZHU_DATA_DIR:-./data}/catalogues/*.json`.
 * The ID numbers in the file are never printed. Relative paths are taken from
 * where the command was typed (npm runs it inside server/ but says where in INIT_CWD).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isCivilDate } from '@huzhu/shared'
import { systemClock, todayInChina } from '../clock'
import { loadCatalogueStore } from '../features/catalogues/catalogue-store'
import { checkRosterFileOffline } from '../features/rosters/roster-check.service'
import { isAppError } from '../http/errors'
import { createLogger } from '../logger'

const USAGE = 'usage: npm run roster -- check FILE.xlsx --catalogue CATALOGUE_ID [--accepted-on YYYY-MM-DD]\n'

async function run(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { catalogue: { type: 'string' }, 'accepted-on': { type: 'string' } } })
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
  const [command, fileArg, ...rest] = parsed.positionals
  const typedIn = process.env.INIT_CWD ?? process.cwd()
  const file = fileArg === undefined ? undefined : resolve(typedIn, fileArg)
  const catalogueId = parsed.values.catalogue
  const acceptedOn = parsed.values['accepted-on'] ?? todayInChina(systemClock)
  if (command !== 'check' || !file || rest.length > 0 || !catalogueId || !isCivilDate(acceptedOn)) {
    process.stderr.write(USAGE)
    return 2
  }
  if (!existsSync(file)) {
    process.stderr.write(`no such file: ${fileArg}\n${USAGE}`)
    return 2
  }
  const store = loadCatalogueStore(join(resolve(typedIn, process.env.HUZHU_DATA_DIR ?? './data'), 'catalogues'), createLogger('error', process.stderr))
  const catalogue = store.get(catalogueId)
  if (!catalogue) {
    process.stderr.write(`unknown catalogue: ${catalogueId} (known: ${store.list().map((c) => c.id).join(', ')})\n`)
    return 2
  }
  let result
  try {
    result = await checkRosterFileOffline(file, catalogue, todayInChina(systemClock), acceptedOn)
  } catch (error) {
    if (!isAppError(error)) throw error
    result = { rowCount: 0, validCount: 0, errors: [{ row: 1, column: '', code: error.code, message: error.userMessage }] }
  }
  const errors = result.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message }))
  process.stdout.write(`${JSON.stringify({ rowCount: result.rowCount, validCount: result.validCount, errors }, null, 2)}\n`)
  return errors.length > 0 ? 1 : 0
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`roster check failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(2)
  },
)
