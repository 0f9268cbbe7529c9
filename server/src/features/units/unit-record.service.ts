import {
  checkSelection, checkUnitFunding, message, parseCreditCode, parseRegionCode, toSelection, type Catalogue, type UnitRecord,
} from '@huzhu/shared'
import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, badRequest, isAppError } from '../../http/errors'
import { newId } from '../../ids'
import { recordAudit, type AuditActor } from '../audit/audit.service'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { catalogueOr422 } from '../enrolments/enrolments.service'
import { findUnitByCreditCode, insertUnit, updateUnit, type UnitValues } from './units.repository'
import type { UnitRow } from './units.table'
import { unitOr404 } from './units.service'

export interface UnitRecordDeps {
  clock: Clock
  catalogues: CatalogueStore
}

/** The canonical credit code, or a 400 `unit_credit_code_invalid` naming what is wrong. */
function creditCodeOr400(input: string): string {
  const parsed = parseCreditCode(input)
  if (parsed.ok) return parsed.value
  const reason = message(parsed.code, parsed.params)
  throw badRequest('unit_credit_code_invalid', { params: { reason }, details: [{ path: 'creditCode', code: parsed.code, message: reason }] })
}

function regionCodeOr400(input: string): string {
  const parsed = parseRegionCode(input)
  if (parsed.ok) return parsed.value.code
  const reason = message(parsed.code, parsed.params)
  throw badRequest('unit_region_code_invalid', { params: { reason }, details: [{ path: 'regionCode', code: parsed.code, message: reason }] })
}

/** A known catalogue and products that pass its selection rules (422 otherwise); null when the unit has none. */
function standingCatalogue(catalogues: CatalogueStore, record: UnitRecord): Catalogue | null {
  if (record.catalogueId === null) {
    if (record.products.length > 0) throw new AppError(422, 'unit_catalogue_required', { details: [{ path: 'catalogueId', code: 'unit_catalogue_required' }] })
    return null
  }
  const catalogue = catalogueOr422(catalogues, record.catalogueId)
  if (record.products.length > 0) {
    const found = checkSelection(catalogue, toSelection(record.products))
    if (found.length > 0) throw new AppError(422, 'selection_invalid', { details: found.map((v) => ({ rule: v.rule, product: v.product, message: v.message })) })
  }
  return catalogue
}

/**
 * A unit's record as columns, every field checked with the shared rules the
 * staff form uses: the credit code by its check character and the region by
 * GB/T 2260 (400), the standing selection by the catalogue's rules and who pays
 * (a split adds up to the selection's full-year premium) (422).
 */
export function unitValuesOf(catalogues: CatalogueStore, record: UnitRecord): UnitValues {
  const creditCode = record.creditCode === null ? null : creditCodeOr400(record.creditCode)
  const regionCode = record.regionCode === null ? null : regionCodeOr400(record.regionCode)
  const catalogue = standingCatalogue(catalogues, record)
  const problem = checkUnitFunding(catalogue, record.products, record.fundingSource, record.fundingSplit)
  if (problem) {
    throw new AppError(422, problem.code, { params: problem.params, details: [{ path: 'fundingSplit', code: problem.code, message: message(problem.code, problem.params) }] })
  }
  const split = record.fundingSplit
  return {
    name: record.name,
    credit_code: creditCode,
    region_code: regionCode,
    industry: record.industry,
    union_member_headcount: record.unionMemberHeadcount,
    catalogue_id: record.catalogueId,
    products: JSON.stringify(record.products),
    funding_source: record.fundingSource,
    split_union_fen: split?.unionFen ?? null,
    split_unit_fen: split?.unitFen ?? null,
    split_member_fen: split?.memberFen ?? null,
  }
}

/** The record's fields (API names) whose columns differ: what an audit line names. */
function changedFields(before: Partial<UnitValues>, after: UnitValues): string[] {
  const names: Record<keyof UnitValues, string> = {
    name: 'name', credit_code: 'creditCode', region_code: 'regionCode', industry: 'industry', union_member_headcount: 'unionMemberHeadcount',
    catalogue_id: 'catalogueId', products: 'products', funding_source: 'fundingSource',
    split_union_fen: 'fundingSplit', split_unit_fen: 'fundingSplit', split_member_fen: 'fundingSplit',
  }
  const changed = new Set<string>()
  for (const key of Object.keys(names) as (keyof UnitValues)[]) {
    const old = before[key] === undefined || before[key] === null ? null : String(before[key])
    const now = after[key] === null ? null : String(after[key])
    if (old !== now) changed.add(names[key])
  }
  return [...changed]
}

/** Registers a unit with its whole record (office staff), audited. */
export async function createUnitRecord(db: Db, deps: UnitRecordDeps, record: UnitRecord, actor: AuditActor): Promise<UnitRow> {
  const values = unitValuesOf(deps.catalogues, record)
  const id = newId('unt', deps.clock.now())
  await insertUnit(db, { id, created_at: nowIso(deps.clock), ...values })
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'create', resource: `unit:${id}`, fields: changedFields({}, values) })
  return unitOr404(db, id)
}

/** Replaces a unit's record (office staff); the audit line names the fields that changed. */
export async function updateUnitRecord(db: Db, deps: UnitRecordDeps, unitId: string, record: UnitRecord, actor: AuditActor): Promise<UnitRow> {
  const before = await unitOr404(db, unitId)
  const values = unitValuesOf(deps.catalogues, record)
  const fields = changedFields(before, values)
  if (fields.length === 0) return before
  await updateUnit(db, unitId, values)
  await recordAudit(db, deps.clock, actor, { subjectUserId: null, action: 'update', resource: `unit:${unitId}`, fields })
  return unitOr404(db, unitId)
}

/**
 * Runs a write of a unit's record. The unique index on the credit code is what
 * keeps one unit from being registered twice; when the write fails and another
 * unit (committed, read from `readDb`) holds the code, the answer is a 409
 * naming that unit.
 */
export async function withCreditCodeUnique<T>(readDb: Db, unitId: string | null, record: UnitRecord, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!isAppError(error) && record.creditCode !== null) {
      const parsed = parseCreditCode(record.creditCode)
      const holder = parsed.ok ? await findUnitByCreditCode(readDb, parsed.value) : undefined
      if (holder && holder.id !== unitId) {
        throw new AppError(409, 'unit_credit_code_taken', {
          params: { creditCode: parsed.ok ? parsed.value : record.creditCode, name: holder.name },
          details: [{ path: 'creditCode', code: 'unit_credit_code_taken', unitId: holder.id }],
        })
      }
    }
    throw error
  }
}
