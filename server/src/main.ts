import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp } from './app'
import { createDataProtector } from './crypto/protector'
import { seedDemoClaims } from './demo/claims'
import { seedDemoData } from './demo/seed'
import { createBlobStore } from './files/blob-store'
import { STALE_TEMP_MS, sweepTempFiles } from './files/temp-files'
import { loadCatalogueStore } from './features/catalogues/catalogue-store'
import { systemClock } from './clock'
import { ConfigError, loadConfig, type LoadedConfig } from './config'
import { migrateToLatest } from './db/migrate'
import { describeTarget, openDatabaseTarget } from './db/open'
import { refreshSqliteStatistics } from './db/sqlite/statistics'
import { createSmsProvider } from './features/accounts/sms'
import { createWechatClient } from './features/accounts/wechat'
import { scheduleCoverEndingReminders } from './features/notifications/cover-ending.service'
import { createOutboxHandlers } from './features/outbox/outbox-handlers'
import { OutboxWorker } from './features/outbox/outbox-worker'
import { createLogger } from './logger'
import { every, type ScheduledRun } from './jobs/every'
import { runPaymentJobs } from './features/payments/payment-jobs.service'
import { runDueDeletions } from './features/data-requests/data-deletion.service'
import { pruneRateLimits } from './features/rate-limits/rate-limits.service'
import { pruneStaleRosterFiles } from './features/rosters/roster-retention'
import { purgeExpiredAssisted } from './features/assisted-enrolments/assisted-enrolments.service'

const SHUTDOWN_GRACE_MS = 10_000

/** Reads the config, opens and migrates the database, listens; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let loaded: LoadedConfig
  try {
    loaded = loadConfig(process.env)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`huzhu server: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  const { config, warnings } = loaded
  const logger = createLogger(config.logLevel)
  for (const warning of warnings) logger.warn(warning)
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'))

  const database = await openDatabaseTarget(config.database, {
    readPoolSize: config.readPoolSize,
    onIdleError: (err) => logger.warn({ err }, 'an idle database connection failed; the pool opens another'),
  })
  const applied = await migrateToLatest(database.db)
  logger.info({ applied, ...describeTarget(config.database) }, 'database ready')
  const blobs = createBlobStore(config.blobStore, config.dataDir)
  logger.info({ blobStore: config.blobStore.kind }, 'blob store ready')
  // What crashed requests left in this node's temporary area (it may hold ID numbers in clear): now, then hourly.
  // By age only: on a data folder several nodes share, another node's upload in progress is younger than that.
  const sweepTemp = async () => {
    const swept = await sweepTempFiles(config.dataDir)
    if (swept > 0) logger.info({ swept }, 'temporary files left by crashed requests removed')
  }
  await sweepTemp()
  const catalogues = loadCatalogueStore(config.cataloguesDir, logger)
  await catalogues.refresh(database.db)
  if (config.demoData) {
    const protector = createDataProtector(config.secrets.dataKey)
    const seeded = await seedDemoData(database.db, { clock: systemClock, protector, catalogues, config, blobs })
    const claims = seeded ? await seedDemoClaims(database.db, { clock: systemClock, protector, catalogues, config, blobs }) : []
    logger.info({ seeded, claims: claims.length }, seeded ? 'demo data seeded (accounts 13800000001-6, see server/README.md)' : 'demo data skipped: the database has accounts')
  }

  // The development SMS channel prints codes to stdout as plain text; production never gets one.
  const devChannel = config.isProduction ? undefined : (line: string) => void process.stdout.write(line)
  const sms = await createSmsProvider(config.sms, devChannel)
  // Sends SMS and WeChat messages after the commits that queue them, retries, and picks up what an
  // earlier run left (its leases run out).
  const outboxProtector = createDataProtector(config.secrets.dataKey)
  const outbox = new OutboxWorker(
    { db: database.db, durable: database.durable, clock: systemClock, logger, protector: outboxProtector },
    createOutboxHandlers({ db: database.db, config, protector: outboxProtector, sms, blobs }),
  )
  logger.info({ provider: sms.name, node: outbox.nodeId }, 'sms provider and outbox ready')
  const app = createApp({
    db: database.db,
    readDb: database.readDb,
    durable: database.durable,
    config,
    clock: systemClock,
    outbox,
    wechat: createWechatClient(config.wechat, logger),
    logger,
    catalogues,
    blobs,
  })

  const server = createServer(app.callback())
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo
    logger.info({ port, env: config.nodeEnv, staticDir: config.staticDir }, 'listening')
  })
  outbox.start()

  const tempSweeps = every('temp_files', STALE_TEMP_MS, logger, sweepTemp)
  // Renewal reminders: now, then hourly. Never under NODE_ENV=test: tests run the job themselves,
  // on a manual clock. Each job runs once per hour however many nodes run: the node that takes its lease.
  const jobLease = { db: database.db, clock: systemClock, holder: outbox.nodeId }
  const reminders: ScheduledRun | undefined =
    config.nodeEnv === 'test' ? undefined : scheduleCoverEndingReminders({ db: database.db, config, logger, clock: systemClock, outbox }, outbox.nodeId)
  // Unpaid enrolments expire, unpaid orders are closed, refunds retried: now, then hourly.
  const paymentJobs = config.nodeEnv === 'test' ? undefined : every('payments', 3_600_000, logger, async () => {
    await catalogues.refresh(database.readDb)
    await runPaymentJobs(app.context.deps)
  }, jobLease)
  // Deletions members asked for while their cover ran, due from the day after it ends: now, then hourly.
  const dataDeletions = config.nodeEnv === 'test' ? undefined : every('data_deletions', 3_600_000, logger, async () => {
    const counts = await runDueDeletions(database.db, app.context.deps)
    if (counts.done > 0) outbox.kick()
    return counts
  }, jobLease)
  // Rate-limit hits and keys older than any window: hourly, on one node.
  const rateLimitPrunes = config.nodeEnv === 'test' ? undefined : every('rate_limits', 3_600_000, logger, () => pruneRateLimits(database.db, systemClock), jobLease)
  // Roster files (ID numbers) never imported: queued for deletion 7 days after upload, hourly, on one node.
  const rosterFilePrunes = config.nodeEnv === 'test' ? undefined : every('roster_files', 3_600_000, logger, async () => {
    const counts = await pruneStaleRosterFiles(database.db, systemClock)
    if (counts.rosters > 0) outbox.kick()
    return counts
  }, jobLease)
  // Assisted enrolments (代办) never confirmed: removed a day after they expired, hourly, on one node.
  const assistedPurges = config.nodeEnv === 'test' ? undefined : every('assisted_enrolments', 3_600_000, logger, () => purgeExpiredAssisted(database.db, systemClock), jobLease)

  // SQLite's planner statistics, hourly (as SQLite advises for a long-lived connection; usually a no-op): db/sqlite/statistics.ts.
  const statistics = config.database.kind === 'sqlite' ? every('sqlite_statistics', 3_600_000, logger, () => refreshSqliteStatistics(database.db, 'periodic')) : undefined

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    const closed = new Promise<void>((done) => server.close(() => done()))
    server.closeIdleConnections()
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
    await closed
    clearTimeout(force)
    await tempSweeps.stop()
    await reminders?.stop()
    await paymentJobs?.stop()
    await dataDeletions?.stop()
    await rateLimitPrunes?.stop()
    await rosterFilePrunes?.stop()
    await assistedPurges?.stop()
    await statistics?.stop()
    // After the jobs that queue messages: what they queued is sent, or left for the next start.
    await outbox.stop()
    await database.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`huzhu server failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exit(1)
})
