import { systemClock } from '../../server/src/clock'
import { createDataProtector } from '../../server/src/crypto/protector'
import type { OpenDatabase } from '../../server/src/db/open'
import type { ApiClient } from '../../server/test/helpers/http'
import { SERVER_FIXED_CODE } from '../../server/test/helpers/server-process'
import type { TestApp } from '../../server/test/helpers/test-app'

/**
 * A server process seen through the server test helpers' `TestApp` (loginAs, fillProfile, createTestEnrolment,
 * addTestPayeeAccount, …): they use only `api`, `config.sms.fixedCode`, `db`, `clock` and `protector`, which the
 * process over HTTP (started with SMS_FIXED_CODE, as `serverEnv` does) plus its database opened here and its data
 * key provide. The cast says so; nothing else is there.
 */
export function processAsTestApp(api: ApiClient, database: OpenDatabase, dataKey: string): TestApp {
  const partial: Pick<TestApp, 'api' | 'db' | 'readDb' | 'clock' | 'protector'> & { config: { sms: { fixedCode: string } } } = {
    api,
    db: database.db,
    readDb: database.readDb,
    clock: systemClock as TestApp['clock'],
    protector: createDataProtector(Buffer.from(dataKey, 'base64')),
    config: { sms: { fixedCode: SERVER_FIXED_CODE } },
  }
  return partial as unknown as TestApp
}
