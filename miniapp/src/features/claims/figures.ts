import { parseYuan, ui, type ClaimFigures, type Enrolment, type EventKind, type PayoutEstimateRequest } from '@huzhu/shared'
import type { FigureInputs } from './draft'

export type FigureField = Exclude<keyof FigureInputs, 'inSitu' | 'femaleCancer'>

const medical: readonly EventKind[] = ['inpatient', 'outpatient_serious', 'family_sickbed']

/** Which figures a kind of claim asks for, in the order they are on the settlement slip. */
export function figureFieldsFor(kind: EventKind): { amounts: FigureField[]; flags: ('inSitu' | 'femaleCancer')[] } {
  if (kind === 'inpatient') return { amounts: ['totalCost', 'pooledOutOfPocket', 'supplementaryOutOfPocket', 'deductiblePaid', 'hospitalDays'], flags: [] }
  if (medical.includes(kind)) return { amounts: ['totalCost', 'pooledOutOfPocket', 'supplementaryOutOfPocket', 'deductiblePaid'], flags: [] }
  if (kind === 'critical_illness') return { amounts: [], flags: ['inSitu', 'femaleCancer'] }
  if (kind === 'accident_disability') return { amounts: ['disabilityGrade'], flags: [] }
  return { amounts: [], flags: [] }
}

const required: Partial<Record<FigureField, true>> = { pooledOutOfPocket: true, hospitalDays: true, disabilityGrade: true }

export type FigureErrors = Partial<Record<FigureField, string>>

/**
 * The typed figures as the API wants them (fen, whole days, a grade), or what
 * is wrong at each field. Only the kind's own figures are read.
 */
export function readFigures(kind: EventKind, inputs: FigureInputs): { ok: true; figures: ClaimFigures } | { ok: false; errors: FigureErrors } {
  const { amounts, flags } = figureFieldsFor(kind)
  const figures: ClaimFigures = {}
  const errors: FigureErrors = {}
  for (const field of amounts) {
    const text = inputs[field].trim()
    if (text === '') {
      if (required[field]) errors[field] = ui.claim.required
      continue
    }
    if (field === 'hospitalDays' || field === 'disabilityGrade') {
      const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN
      if (field === 'hospitalDays') {
        if (!(n >= 0 && n <= 366)) errors[field] = ui.claim.daysInvalid
        else figures.hospitalDays = n
      } else if (!(n >= 1 && n <= 10)) errors[field] = ui.claim.gradeInvalid
      else figures.disabilityGrade = n
      continue
    }
    const fen = parseYuan(text)
    if (fen === null) {
      errors[field] = ui.claim.amountInvalid
      continue
    }
    figures[`${field}Fen` as 'totalCostFen'] = fen
  }
  for (const flag of flags) figures[flag] = inputs[flag]
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, figures }
}

/** The payout-estimate request (理赔试算) for a claim on an enrolment: the same engine the reviewer's amount comes from. */
export function estimateRequest(enrolment: Enrolment, kind: EventKind, eventDate: string, figures: ClaimFigures): PayoutEstimateRequest {
  return {
    catalogueId: enrolment.catalogueId,
    products: enrolment.products.flatMap((p) => Array.from({ length: Math.max(1, p.shares) }, () => p.code)),
    mode: enrolment.mode,
    acceptedOn: enrolment.acceptedOn,
    sex: enrolment.person.sex,
    event: {
      kind,
      date: eventDate,
      ...(figures.pooledOutOfPocketFen !== undefined ? { pooledOutOfPocketFen: figures.pooledOutOfPocketFen } : {}),
      ...(figures.supplementaryOutOfPocketFen !== undefined ? { supplementaryOutOfPocketFen: figures.supplementaryOutOfPocketFen } : {}),
      ...(figures.hospitalDays !== undefined ? { hospitalDays: figures.hospitalDays } : {}),
      ...(figures.deductiblePaidFen !== undefined ? { deductiblePaidFen: figures.deductiblePaidFen } : {}),
      ...(figures.inSitu !== undefined ? { inSitu: figures.inSitu } : {}),
      ...(figures.femaleCancer !== undefined ? { femaleCancer: figures.femaleCancer } : {}),
      ...(figures.disabilityGrade !== undefined ? { disabilityGrade: figures.disabilityGrade } : {}),
    },
  }
}
