import {
  maskBirthDate, maskIdNumber, maskMobile, maskName, toSelection,
  type CivilDate, type Enrolment, type EnrolmentMode, type EnrolmentStatus, type FundingPayer, type FundingSource, type Occupation,
} from '@huzhu/shared'
import { todayInChina, type Clock } from '../../clock'
import type { DataProtector } from '../../crypto/protector'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { coverStateOf } from './cover-state'
import type { EnrolmentView } from './enrolments.repository'
import { decodePerson } from './insured-person'
import { renewalOfferOf } from './renewal-offer'

/**
 * Who is looking: the insured person sees their ID number, birth date and mobile
 * in full; staff see the name but ID and mobile masked and only the birth year; a
 * unit admin sees everything masked.
 */
export type Viewer = 'self' | 'staff' | 'unit'

export interface PresentDeps {
  protector: DataProtector
  catalogues: CatalogueStore
  today: CivilDate
}

/** What presenting needs from the app's deps: today's China date for the cover state. */
export function presentDeps(deps: { protector: DataProtector; catalogues: CatalogueStore; clock: Clock }): PresentDeps {
  return { protector: deps.protector, catalogues: deps.catalogues, today: todayInChina(deps.clock) }
}

export function presentEnrolment(view: EnrolmentView, viewer: Viewer, deps: PresentDeps): Enrolment {
  const { row } = view
  const person = decodePerson(view.person, deps.protector)
  const catalogue = deps.catalogues.get(row.catalogue_id)
  const coverFrom = JSON.parse(row.cover_from) as Record<string, string>
  const reveal = viewer === 'self'
  return {
    id: row.id,
    catalogueId: row.catalogue_id,
    catalogueName: catalogue?.data.name ?? row.catalogue_id,
    mode: row.mode as EnrolmentMode,
    status: row.status as EnrolmentStatus,
    coverState: coverStateOf({ status: row.status, start: row.start_on, end: row.end_on, coverFrom }, deps.today),
    products: toSelection(JSON.parse(row.products) as string[]).map((p) => ({
      code: p.code, name: catalogue?.products.get(p.code)?.name ?? p.code, shares: p.shares,
    })),
    acceptedOn: row.accepted_on,
    start: row.start_on,
    end: row.end_on,
    coverFrom,
    premiumFen: row.premium_fen,
    lines: JSON.parse(row.premium_lines) as Enrolment['lines'],
    fundingSource: row.funding_source as FundingSource,
    shares: view.shares.map((s) => ({ payer: s.payer as FundingPayer, amountFen: s.amount_fen, paid: s.payment_id !== null })),
    unit: view.unit ? { id: view.unit.id, name: view.unit.name } : null,
    eventId: row.event_id,
    person: {
      name: viewer === 'unit' ? maskName(person.name) : person.name,
      idNumber: reveal ? person.idNumber : maskIdNumber(person.idNumber),
      sex: person.sex,
      birthDate: reveal ? person.birthDate : maskBirthDate(person.birthDate),
      mobile: person.mobile === null ? null : reveal ? person.mobile : maskMobile(person.mobile),
      occupation: person.occupation as Occupation | null,
      platform: person.platform,
    },
    payment: view.payment ? { id: view.payment.id, reference: view.payment.reference, confirmedAt: view.payment.confirmed_at } : null,
    paymentCode: view.paymentCode,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    renewsEnrolmentId: row.renews_enrolment_id,
    renewal: reveal ? renewalOfferOf(view, deps) : null,
  }
}
