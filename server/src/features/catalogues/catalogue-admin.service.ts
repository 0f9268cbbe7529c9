import {
  loadCatalogue, message, previewCatalogue, type Catalogue, type CatalogueRecord, type CataloguePreviewResponse, type CivilDate, type ErrorCode,
} from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { LiveCatalogueStore, StoredCatalogue } from './catalogue-store'
import { presentCatalogueRecord } from './catalogues.presenter'
import { catalogueInUse, ensureCatalogueRow, lockCatalogueRow, updateCatalogueRow } from './catalogues.repository'
import type { CatalogueRow } from './catalogues.table'

export interface CatalogueAdminDeps {
  clock: Clock
  catalogues: LiveCatalogueStore
}

/** Every catalogue on offer, as the admin manages it. */
export async function catalogueRecords(db: Db, store: LiveCatalogueStore): Promise<CatalogueRecord[]> {
  const records: CatalogueRecord[] = []
  for (const stored of store.records()) records.push(presentCatalogueRecord(stored, await catalogueInUse(db, stored.catalogue.id)))
  return records
}

/** The uploaded file checked by the shared schema, or 422 `catalogue_invalid` with every problem at its path. */
export function checkCatalogueFile(raw: unknown): Catalogue {
  const loaded = loadCatalogue(raw)
  if (!loaded.ok) throw new AppError(422, 'catalogue_invalid', { params: { count: loaded.issues.length }, details: loaded.issues })
  return loaded.catalogue
}

interface Refusal {
  status: number
  code: ErrorCode
  params: Record<string, string>
}

/**
 * Why a file of this id could not be published: the id is a shipped catalogue's,
 * or a published catalogue that enrolments use already holds it (it can then
 * only be succeeded or closed). Undefined: it can be published.
 */
function publishRefusal(id: string, store: LiveCatalogueStore, inUse: boolean): Refusal | undefined {
  if (store.shipped(id)) return { status: 409, code: 'catalogue_shipped', params: { id } }
  if (inUse) return { status: 409, code: 'catalogue_in_use', params: { id } }
  return undefined
}

/** Checks an uploaded file and shows it as a member would see it, with whether it can be published. Stores nothing. */
export async function previewCatalogueFile(db: Db, store: LiveCatalogueStore, raw: unknown, on: CivilDate): Promise<CataloguePreviewResponse> {
  const catalogue = checkCatalogueFile(raw)
  const existing = store.record(catalogue.id)
  const inUse = await catalogueInUse(db, catalogue.id)
  const refusal = publishRefusal(catalogue.id, store, inUse)
  return {
    catalogue: catalogue.data,
    preview: previewCatalogue(catalogue, on),
    existing: existing ? presentCatalogueRecord(existing, inUse) : null,
    refusal: refusal ? { code: refusal.code, message: message(refusal.code, refusal.params) } : null,
  }
}

/**
 * The catalogue's row, added with nothing set when it has none, then locked
 * until the commit (PostgreSQL): two changes of one catalogue take turns, and
 * each decides on what the other wrote.
 */
async function lockedRow(db: Db, clock: Clock, id: string, actor: AuditActor): Promise<CatalogueRow> {
  await ensureCatalogueRow(db, {
    id, data: null, published_version: null, published_at: null, published_by: null,
    successor: null, successor_set: 0, closed_on: null, changes: 0, updated_at: nowIso(clock), updated_by: actor.userId,
  })
  return (await lockCatalogueRow(db, id))!
}

/**
 * An admin publishes a catalogue file under its id (audited): a new catalogue,
 * or a new version of one published here that no enrolment uses yet. A shipped
 * catalogue's id, or a used one's, is a 409 and changes nothing. The caller
 * refreshes the store after the commit; every other node goes by it within a second (`catalogue-store.ts`).
 */
export async function publishCatalogue(db: Db, deps: CatalogueAdminDeps, actor: AuditActor, id: string, raw: unknown): Promise<void> {
  const catalogue = checkCatalogueFile(raw)
  if (catalogue.id !== id) {
    throw new AppError(422, 'catalogue_id_mismatch', { params: { id: catalogue.id, expected: id }, details: [{ path: 'id', message: message('catalogue_id_mismatch', { id: catalogue.id, expected: id }) }] })
  }
  const row = await lockedRow(db, deps.clock, id, actor)
  // Locked first: an enrolment committed before this lock is seen here.
  const refusal = publishRefusal(id, deps.catalogues, await catalogueInUse(db, id))
  if (refusal) throw new AppError(refusal.status, refusal.code, { params: refusal.params })
  const now = nowIso(deps.clock)
  await updateCatalogueRow(db, id, {
    data: JSON.stringify(catalogue.data), published_version: (row.published_version ?? 0) + 1, published_at: now, published_by: actor.userId,
    updated_at: now, updated_by: actor.userId,
  })
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: row.data === null ? 'create' : 'update', resource: `catalogue:${id}`, fields: ['data'] })
}

function storedOr404(store: LiveCatalogueStore, id: string): StoredCatalogue {
  const stored = store.record(id)
  if (!stored) throw notFound('unknown_catalogue')
  return stored
}

/** From today (China time) the catalogue takes no new enrolment; what is enrolled stays. Audited; a second close is a 409. */
export async function closeCatalogue(db: Db, deps: CatalogueAdminDeps, actor: AuditActor, id: string): Promise<void> {
  storedOr404(deps.catalogues, id)
  const row = await lockedRow(db, deps.clock, id, actor)
  if (row.closed_on !== null) throw new AppError(409, 'catalogue_already_closed', { params: { id, date: row.closed_on } })
  await updateCatalogueRow(db, id, { closed_on: todayInChina(deps.clock), updated_at: nowIso(deps.clock), updated_by: actor.userId })
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'update', resource: `catalogue:${id}`, fields: ['closedOn'] })
}

/**
 * Names the catalogue a cover of this one renews into (null: itself), used or
 * not: renewal (`renewalCatalogue`), unit renewal rosters and the member's
 * renewal offer follow it at once. The successor must be on offer, and the
 * chain of successors may not come back to this one (422). Audited.
 */
export async function setCatalogueSuccessor(db: Db, deps: CatalogueAdminDeps, actor: AuditActor, id: string, successor: string | null): Promise<void> {
  storedOr404(deps.catalogues, id)
  if (successor !== null) {
    const invalid = (chain: readonly string[]) =>
      new AppError(422, 'catalogue_successor_invalid', { params: { chain: chain.join(' → ') }, details: [{ path: 'successor', message: message('catalogue_successor_invalid', { chain: chain.join(' → ') }) }] })
    if (successor === id) throw invalid([id, id])
    if (!deps.catalogues.get(successor)) {
      throw new AppError(422, 'catalogue_successor_unknown', { params: { id: successor }, details: [{ path: 'successor', message: message('catalogue_successor_unknown', { id: successor }) }] })
    }
    const chain = [id, successor]
    for (let next = deps.catalogues.get(successor)?.data.successor; next !== undefined; next = deps.catalogues.get(next)?.data.successor) {
      chain.push(next)
      if (next === id || chain.length > 50) throw invalid(chain)
    }
  }
  await lockedRow(db, deps.clock, id, actor)
  await updateCatalogueRow(db, id, { successor, successor_set: 1, updated_at: nowIso(deps.clock), updated_by: actor.userId })
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'update', resource: `catalogue:${id}`, fields: ['successor'] })
}
