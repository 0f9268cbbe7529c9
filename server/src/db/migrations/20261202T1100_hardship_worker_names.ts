import type { Kysely } from 'kysely'

/**
 * Hardship workers (困难职工) get the name staff enter with the ID number
 * (`name`, sealed as `hardship_workers.name`, shown masked; null for flags made
 * before) and `erased_at`: when the person's data was deleted at their request
 * (PIPL), the flag keeps its reason, who and when (why the union paid their
 * premiums) while its name and ID number are gone; an erased flag is listed no more.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hardship_workers').addColumn('name', 'text').execute()
  await db.schema.alterTable('hardship_workers').addColumn('erased_at', 'text').execute()
}
