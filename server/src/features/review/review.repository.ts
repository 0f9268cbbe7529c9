import { sql } from 'kysely'
import { payingClaimStatuses, type EventKind } from '@huzhu/shared'
import { randomBelowPercent } from '../../db/dialect'
import type { Db } from '../../db/open'
import { claimSummaryColumns } from '../claims/claims.presenter'
import type { QueueCursor } from './schema'

export interface QueueFilter {
  status?: 'submitted' | 'in_review' | 'needs_material' | 'approved' | undefined
  kind?: EventKind | undefined
  catalogueId?: string | undefined
  /** true: due before `today`; false: due today or later. */
  overdue?: boolean | undefined
  flagged?: boolean | undefined
  today: string
  after?: QueueCursor | undefined
  limit: number
}

/**
 * The status condition, written exactly as the WHERE of a partial index
 * (`claims_queue_open`, `claims_queue_needs_material`, `claims_queue_approved`)
 * so that SQLite walks that index in due order: a bound parameter would hide
 * the match. The status is one of a closed list, never free text.
 */
function statusCondition(status: QueueFilter['status']) {
  switch (status) {
    case undefined: return sql<boolean>`claims.status in ('submitted', 'in_review')`
    case 'submitted': return sql<boolean>`claims.status in ('submitted', 'in_review') and claims.status = 'submitted'`
    case 'in_review': return sql<boolean>`claims.status in ('submitted', 'in_review') and claims.status = 'in_review'`
    case 'needs_material': return sql<boolean>`claims.status = 'needs_material'`
    case 'approved': return sql<boolean>`claims.status = 'approved'`
  }
}

/** Claims with their insured person's name (`person_name`), as lists show them. */
function claimsWithPersonName(db: Db) {
  return db
    .selectFrom('claims')
    .innerJoin('insured_persons', 'insured_persons.id', 'claims.insured_person_id')
    .selectAll('claims')
    .select('insured_persons.name as person_name')
}

/**
 * The reviewer queue by due date, then id. Without a status it shows submitted
 * and in-review claims through the partial index `claims_queue_open` (the
 * condition is written as the index's literal so SQLite can use it), so the
 * first page reads about `limit` index entries however many claims there are.
 */
export function queueQuery(db: Db, filter: QueueFilter) {
  // Only what a summary shows: a page of 20 is read and sent without each claim's figures, lines and decision.
  let query = db
    .selectFrom('claims')
    .innerJoin('insured_persons', 'insured_persons.id', 'claims.insured_person_id')
    .select(claimSummaryColumns.map((column) => `claims.${column}` as const))
    .select('insured_persons.name as person_name')
    .where(statusCondition(filter.status))
  if (filter.kind !== undefined) query = query.where('claims.kind', '=', filter.kind)
  if (filter.catalogueId !== undefined) query = query.where('claims.catalogue_id', '=', filter.catalogueId)
  if (filter.overdue !== undefined) query = query.where('claims.due_on', filter.overdue ? '<' : '>=', filter.today)
  if (filter.flagged !== undefined) query = query.where('claims.flagged', '=', filter.flagged ? 1 : 0)
  const after = filter.after
  if (after) {
    query = query.where((eb) => eb.or([
      eb('claims.due_on', '>', after.dueOn),
      eb.and([eb('claims.due_on', '=', after.dueOn), eb('claims.id', '>', after.id)]),
    ]))
  }
  return query.orderBy('claims.due_on').orderBy('claims.id').limit(filter.limit)
}

export function listQueueRows(db: Db, filter: QueueFilter) {
  return queueQuery(db, filter).execute()
}

export interface SampleFilter {
  sharePercent: number
  aboveFen?: number | undefined
  since?: string | undefined
  /** Claims sampled whatever the draw (far from their kind's average); only the `limit` newest of them can show. */
  ids?: readonly string[] | undefined
  limit: number
}

/** The start of a China date, as `submitted_at` is stored. */
const startOfChinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()

const amountFen = sql<number>`coalesce(claims.approved_fen, claims.estimate_fen)`

/** Every approved (awaiting or in payment) or paid claim's kind and amount since `since`: what a claim is compared with. */
export function listSampleAmounts(db: Db, since: string | undefined) {
  let query = db.selectFrom('claims').select(['claims.id', 'claims.kind', amountFen.as('amountFen')]).where('claims.status', 'in', payingClaimStatuses)
  if (since !== undefined) query = query.where('claims.submitted_at', '>=', startOfChinaDay(since))
  return query.execute()
}

/**
 * Approved or paid claims for a second look, newest first: every one whose
 * approved amount is above `aboveFen`, every one of `ids`, and a random
 * `sharePercent` of the others.
 */
export function listSampleRows(db: Db, filter: SampleFilter) {
  const random = randomBelowPercent(db, filter.sharePercent)
  const above = filter.aboveFen
  // Newest first and at most `limit`: past the `limit` newest of `ids`, none of them could show.
  const ids = [...(filter.ids ?? [])].sort().reverse().slice(0, filter.limit)
  let query = claimsWithPersonName(db).where('claims.status', 'in', payingClaimStatuses)
  if (filter.since !== undefined) query = query.where('claims.submitted_at', '>=', startOfChinaDay(filter.since))
  return query
    .where((eb) => eb.or([
      random,
      ...(above === undefined ? [] : [eb(amountFen, '>', above)]),
      ...(ids.length === 0 ? [] : [eb('claims.id', 'in', ids)]),
    ]))
    .orderBy('claims.id', 'desc').limit(filter.limit).execute()
}
