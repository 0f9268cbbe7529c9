import type { Kysely } from 'kysely'

/**
 * Catalogues an admin publishes in the staff app, and the admin's settings of
 * every catalogue (`features/catalogues`):
 * - `data`: the catalogue file as checked, for one published here; null for one
 *   shipped with the server (built in or in the data folder), whose row holds only
 *   the settings below.
 * - `successor` with `successor_set` = 1: the catalogue its covers renew into, as
 *   the admin named it (null: itself); with 0 the file's own `successor` stands.
 * - `closed_on`: the first day it takes no new enrolment.
 * - `changes`: bumped by every change of the row. Every node reads the sum with
 *   each request and loads the catalogues again when it moved (rows are never
 *   deleted), so what one node publishes the others offer at once.
 * - `enrolments_catalogue`: whether any enrolment names a catalogue (it can then
 *   no longer change) is one index probe.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogues')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('data', 'text')
    .addColumn('published_version', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('successor', 'text')
    .addColumn('successor_set', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('changes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute()
  await db.schema.createIndex('enrolments_catalogue').on('enrolments').column('catalogue_id').execute()
}
