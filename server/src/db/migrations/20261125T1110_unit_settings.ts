import { sql, type Kysely } from 'kysely'

/** A unit's standing selection: catalogue, products (JSON array of codes), who pays. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('catalogue_id', 'text').execute()
  await db.schema.alterTable('units').addColumn('products', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  await db.schema
    .alterTable('units')
    .addColumn('funding_source', 'text', (c) => c.notNull().defaultTo('unit').check(sql`funding_source in ('union_gift', 'unit', 'member', 'split')`))
    .execute()
}
