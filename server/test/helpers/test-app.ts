import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { createApp } from '../../src/app'
import { loadConfig, type Config, type SmsConfig } from '../../src/config'
import { apiRoutes } from '../../src/routes'
import { createDataProtector, type DataProtector } from '../../src/crypto/protector'
import { migrateToLatest } from '../../src/db/migrate'
import { openDatabaseTarget, type Db } from '../../src/db/open'
import { createSmsProvider, type SmsProvider } from '../../src/features/accounts/sms'
import { createWechatClient, type WechatClient } from '../../src/features/accounts/wechat'
import { createOutboxHandlers } from '../../src/features/outbox/outbox-handlers'
import { OutboxWorker } from '../../src/features/outbox/outbox-worker'
import type { Route } from '../../src/http/route'
import type { AppDeps } from '../../src/http/context'
import { createLogger } from '../../src/logger'
import { ManualClock } from './clock'
import { startFakeS3, type FakeS3 } from './fake-s3'
import { ApiClient } from './http'
import { MemorySmsProvider } from './memory-sms'
import { createTestDatabase, databaseEnv, type TestDatabase } from './test-database'

/** The SMS code every test login uses (SMS_FIXED_CODE). */
export const FIXED_CODE = '246810'

export interface TestAppOptions {
  /** Extra environment, e.g. `WECHAT_APPID`. `SMS_FIXED_CODE: ''` turns the fixed code off. */
  env?: Record<string, string>
  /** SMS limits (the defaults here are high so that many logins from 127.0.0.1 pass). */
  sms?: Partial<SmsConfig>
  /** Files written to `${dataDir}/catalogues/` before start: name → JSON value or raw text. */
  catalogueFiles?: Record<string, unknown>
  wechat?: WechatClient
  /** Extra routes (e.g. one that throws), mounted after the registry's. */
  extraRoutes?: readonly Route[]
  /** ID-number changes per client IP an hour (high by default, as every test comes from 127.0.0.1). */
  idNumberChangesPerIpHourly?: number
  /** Where photos and rosters are kept: the data folder (default), or a local fake S3 started for this app. */
  blobStore?: 'disk' | 's3'
  /** An S3 fake to keep blobs in (shared with another app: two nodes); it outlives this app. */
  s3?: FakeS3
  /** Another node of that app: the same data folder, database, keys and blob store (its own clock, connections, outbox worker and server). */
  sameDatabaseAs?: TestApp
}

export interface TestApp {
  baseUrl: string
  api: ApiClient
  dataDir: string
  /** The environment the config was read from (keys included): another node starts from it. */
  env: Record<string, string>
  /** The fake S3 the blobs go to, when `blobStore: 's3'` or `s3` was given. */
  s3: FakeS3 | undefined
  config: Config
  db: Db
  readDb: Db
  clock: ManualClock
  /** What the console provider would send (unused when `SMS_PROVIDER` names a cloud provider: see `smsProvider`). */
  sms: MemorySmsProvider
  /** The provider the outbox sends with: `sms`, or the cloud provider `SMS_PROVIDER` names (pointed at a fake). */
  smsProvider: SmsProvider
  /**
   * The outbox worker, kicked after commits as in production but never polling:
   * `await app.outbox.drain()` sends everything due on `app.clock` and resolves
   * when nothing is left (advance the clock for retries).
   */
  outbox: OutboxWorker
  protector: DataProtector
  /** What every request of the app reaches (for running a job as the server would). */
  deps: AppDeps
  /** Every log line written so far, as text. */
  logs(): string
  close(): Promise<void>
}

/**
 * The real app over real HTTP (port 0) on a fresh database (a SQLite file in a temporary
 * folder, or a PostgreSQL database under the server-pg project: `test-database.ts`), with
 * a manual clock, an in-memory SMS provider, the outbox worker and captured logs.
 * One per test file: `beforeAll(() => (app = await startTestApp()))`, `afterAll(() => app.close())`.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const first = options.sameDatabaseAs
  const dataDir = first?.dataDir ?? mkdtempSync(join(tmpdir(), 'huzhu-server-test-'))
  // Another node keeps its blobs where the first does.
  const ownS3 = !first && options.s3 === undefined && options.blobStore === 's3' ? await startFakeS3() : undefined
  // A fresh database per app: a SQLite file in the data folder, or (jest project server-pg) a new PostgreSQL database.
  const ownDatabase: TestDatabase | undefined = first ? undefined : await createTestDatabase(dataDir)
  const s3 = first ? first.s3 : options.s3 ?? ownS3
  if (options.catalogueFiles) {
    mkdirSync(join(dataDir, 'catalogues'))
    for (const [name, value] of Object.entries(options.catalogueFiles)) {
      writeFileSync(join(dataDir, 'catalogues', name), typeof value === 'string' ? value : JSON.stringify(value))
    }
  }
  const env: Record<string, string> = first ? { ...first.env, ...options.env } : {
    NODE_ENV: 'test',
    HUZHU_DATA_DIR: dataDir,
    HUZHU_DATA_KEY: randomBytes(32).toString('base64'),
    HUZHU_SIGNING_KEY: randomBytes(32).toString('base64'),
    SMS_FIXED_CODE: FIXED_CODE,
    HUZHU_LOG_LEVEL: 'debug',
    ...(ownDatabase ? databaseEnv(ownDatabase.target) : {}),
    ...s3?.env(),
    ...options.env,
  }
  const { config } = loadConfig(env, {
    sms: { perIpHourlyLimit: 100_000, perIpDailyLimit: 100_000, perIpLoginAttempts: 100_000, ...options.sms },
    idNumberChangesPerIpHourly: options.idNumberChangesPerIpHourly ?? 100_000,
  })

  let logText = ''
  const sink = new Writable({ write(chunk: Buffer, _encoding, done) { logText += chunk.toString(); done() } })
  const logger = createLogger(config.logLevel, sink)
  const { db, readDb, durable, close: closeDb } = await openDatabaseTarget(config.database, { readPoolSize: 2 })
  await migrateToLatest(db)

  const clock = new ManualClock()
  const sms = new MemorySmsProvider()
  const protector = createDataProtector(config.secrets.dataKey)
  const smsProvider = config.sms.provider === 'console' ? sms : await createSmsProvider(config.sms)
  const outbox = new OutboxWorker({ db, durable, clock, logger, protector }, createOutboxHandlers({ db, config, protector, sms: smsProvider }), { pollMs: 0 })
  outbox.start()
  const app = createApp({
    db, readDb, durable, config, clock, logger, outbox,
    wechat: options.wechat ?? createWechatClient(config.wechat, logger),
    ...(options.extraRoutes ? { routes: [...apiRoutes, ...options.extraRoutes] } : {}),
  })
  const server: Server = createServer(app.callback())
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    baseUrl,
    api: new ApiClient(baseUrl),
    dataDir,
    env,
    s3,
    config,
    db,
    readDb,
    clock,
    sms,
    smsProvider,
    outbox,
    protector,
    deps: app.context.deps,
    logs: () => logText,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await outbox.stop()
      await closeDb()
      await ownDatabase?.drop()
      await ownS3?.close()
      // The first node owns the data folder.
      if (!first) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
