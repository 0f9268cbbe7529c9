import { Migrator, type MigrationProvider, type Migration } from 'kysely/migration'
import type { Db } from './open'
import { migrations } from './migrations'
import { refreshSqliteStatistics } from './sqlite/statistics'

/** Hands the migrations registered in code to kysely's Migrator. */
export class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly registered: Readonly<Record<string, Migration>> = migrations) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...this.registered }
  }
}

/**
 * Brings the schema to the latest migration, all pending ones in one transaction
 * (SQLite's DDL is transactional). Returns the names applied; throws if one fails.
 * Then, on SQLite, the planner's statistics as the connection opens
 * (`refreshSqliteStatistics`): after the migrations, so new tables and indexes have theirs.
 */
export async function migrateToLatest(db: Db, registered?: Readonly<Record<string, Migration>>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider(registered) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  await refreshSqliteStatistics(db, 'open')
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
