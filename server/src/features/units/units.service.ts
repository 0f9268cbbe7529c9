import { coverDates, toSelection, type Catalogue, type CivilDate, type FundingContributions, type FundingSource, type SelectedProduct } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { ProfileInput } from '../members/profile'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import type { EnrolmentRow } from '../enrolments/enrolments.table'
import { assertEligible, catalogueOr422, enrolPerson, priceSelection, unitModeFor, type EnrolDeps } from '../enrolments/enrolments.service'
import { findUnit } from './units.repository'
import type { UnitRow } from './units.table'

export async function unitOr404(db: Db, unitId: string): Promise<UnitRow> {
  const unit = await findUnit(db, unitId)
  if (!unit) throw notFound('unit_not_found')
  return unit
}

/** Whether a catalogue takes a unit's enrolment (a roster, a new hire) accepted on `day`, in the mode a unit gets that day. */
function takesUnitsOn(catalogue: Catalogue, day: CivilDate): boolean {
  return coverDates(catalogue, unitModeFor(catalogue, day), day).ok
}

/**
 * The catalogues a unit may enrol by on `day`: the catalogue of its standing
 * selection when the office has set one, else any catalogue; either way only
 * those that take a unit's enrolment that day (a past plan year is not offered).
 */
export function cataloguesForUnit(unit: UnitRow, catalogues: CatalogueStore, day: CivilDate): Catalogue[] {
  const own = unit.catalogue_id === null ? undefined : catalogues.get(unit.catalogue_id)
  // Next year's plan too, when the office names it as the successor: the unit's renewal roster is uploaded for it.
  const successor = own?.data.successor === undefined ? undefined : catalogues.get(own.data.successor)
  const candidates = unit.catalogue_id === null ? catalogues.list() : own ? [own, ...(successor ? [successor] : [])] : []
  return candidates.filter((catalogue) => takesUnitsOn(catalogue, day))
}

/**
 * The catalogue a unit's roster names: a known one (else 422 `unknown_catalogue`)
 * and, when the unit has a standing selection, that selection's catalogue or its
 * successor (next year's plan, for the renewal roster; else 422
 * `unit_catalogue_not_allowed`). Whether it takes enrolment on the day is
 * the caller's check (`assertDatesOpen`), with its own reason.
 */
export function unitCatalogueOr422(catalogues: CatalogueStore, unit: UnitRow, catalogueId: string): Catalogue {
  const catalogue = catalogueOr422(catalogues, catalogueId)
  const successor = unit.catalogue_id === null ? undefined : catalogues.get(unit.catalogue_id)?.data.successor
  if (unit.catalogue_id !== null && unit.catalogue_id !== catalogue.id && successor !== catalogue.id) {
    const expected = catalogues.get(unit.catalogue_id)?.data.name ?? unit.catalogue_id
    throw new AppError(422, 'unit_catalogue_not_allowed', {
      params: { expected, catalogue: catalogue.data.name },
      details: [{ path: 'catalogueId', code: 'unit_catalogue_not_allowed', expected: unit.catalogue_id }],
    })
  }
  return catalogue
}

/**
 * The standing selection a roster for `catalogue` gives the rows that name no
 * products (DOMAIN.md rule 6): the unit's, when it enrols into that catalogue.
 */
export function rosterUnitSelection(unit: UnitRow, catalogue: Catalogue): SelectedProduct[] | undefined {
  if (unit.catalogue_id !== catalogue.id) return undefined
  const products = JSON.parse(unit.products) as string[]
  return products.length > 0 ? toSelection(products) : undefined
}

/** The unit's catalogue and selection, or 422 when the office has not set them yet. */
export function unitSelectionOf(unit: UnitRow, deps: EnrolDeps): { catalogue: Catalogue; products: string[] } {
  const products = JSON.parse(unit.products) as string[]
  if (unit.catalogue_id === null || products.length === 0) throw new AppError(422, 'unit_selection_missing')
  return { catalogue: catalogueOr422(deps.catalogues, unit.catalogue_id), products }
}

/**
 * What the union and the unit give towards each member's premium under the
 * unit's split (taken in the funding order, the member paying the rest), or null.
 */
export function unitContributions(unit: Pick<UnitRow, 'funding_source' | 'split_union_fen' | 'split_unit_fen'>): FundingContributions | null {
  if (unit.funding_source !== 'split') return null
  return { unionFen: unit.split_union_fen ?? 0, unitFen: unit.split_unit_fen ?? 0 }
}

/**
 * A new hire (新进人员) enrolled by the unit: exactly the unit's selection
 * (DOMAIN.md rule 6), the unit's funding, pending payment, priced today.
 */
export async function enrolNewHire(db: Db, deps: EnrolDeps, unitId: string, body: ProfileInput, createdBy: string): Promise<EnrolmentRow> {
  const unit = await unitOr404(db, unitId)
  const { catalogue, products } = unitSelectionOf(unit, deps)
  const today = todayInChina(deps.clock)
  assertEligible(catalogue, { unionMember: body.unionMember, basicMedicalInsurance: body.basicMedicalInsurance, occupation: body.occupation, birthDate: body.idNumber.birthDate }, today)
  const selection = toSelection(products)
  const q = priceSelection(catalogue, selection, unitModeFor(catalogue, today), today, selection)
  return enrolPerson(db, deps, {
    name: body.name, idNumber: body.idNumber, mobile: body.mobile, occupation: body.occupation, platform: body.platform, basicMedicalInsurance: body.basicMedicalInsurance,
  }, q, { fundingSource: unit.funding_source as FundingSource, unitId, eventId: null, rosterId: null, createdBy, split: unitContributions(unit) })
}
