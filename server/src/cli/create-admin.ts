/**
 * `npm run create-admin -w @huzhu/server -- --phone 13812345678`
 * Makes the account with this login phone an admin, creating it if needed, in
 * the server's database (HUZHU_DATA_DIR's SQLite file, or DATABASE_URL: the same environment as the server). The admin
 * then signs in with an SMS code like anyone else.
 */
import { parseArgs } from 'node:util'
import { maskMobile, parseMobile } from '@huzhu/shared'
import { systemClock } from '../clock'
import { ConfigError, loadConfig } from '../config'
import { createDataProtector } from '../crypto/protector'
import { migrateToLatest } from '../db/migrate'
import { openDatabaseTarget } from '../db/open'
import { createAdmin } from '../features/accounts/create-admin.service'

async function run(): Promise<number> {
  const { values } = parseArgs({ options: { phone: { type: 'string' } }, strict: true })
  const phone = parseMobile(values.phone)
  if (!phone.ok) {
    process.stderr.write('usage: npm run create-admin -w @huzhu/server -- --phone 13812345678 (a mainland mobile number)\n')
    return 2
  }
  const { config, warnings } = loadConfig(process.env)
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`)
  const database = await openDatabaseTarget(config.database, { readPoolSize: 1 })
  try {
    await migrateToLatest(database.db)
    const deps = { clock: systemClock, protector: createDataProtector(config.secrets.dataKey), config }
    const { userId, created } = await createAdmin(database.db, deps, phone.value)
    process.stdout.write(`${created ? 'admin granted' : 'already an admin'}: ${userId} (${maskMobile(phone.value)})\n`)
    return 0
  } finally {
    await database.close()
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`create-admin failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  },
)
