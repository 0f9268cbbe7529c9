import { sql, type SelectQueryBuilder } from 'kysely'

/**
 * Newest first, `limit` rows, older than `before` (the last id of the previous
 * page) when given: our ids sort by creation time, so the id is the keyset.
 * For a query over one table with an `id` column.
 */
export function newestFirst<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, before: string | undefined, limit: number): SelectQueryBuilder<DB, TB, O> {
  const page = query.orderBy(sql.ref('id'), 'desc').limit(limit)
  return before === undefined ? page : page.where(sql.ref('id'), '<', before)
}
