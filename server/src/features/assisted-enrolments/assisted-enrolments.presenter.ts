import { maskIdNumber, maskMobile, type AssistedEnrolment, type AssistedEnrolmentStatus } from '@huzhu/shared'
import { unseal } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { AssistedEnrolmentView } from './assisted-enrolments.repository'

/** Waiting until confirmed or until it expires; an expired one was never cover. */
export function statusOf(row: Pick<AssistedEnrolmentView, 'confirmed_at' | 'expires_at'>, now: string): AssistedEnrolmentStatus {
  if (row.confirmed_at !== null) return 'confirmed'
  return row.expires_at <= now ? 'expired' : 'waiting'
}

/** Staff and the rider see the ID number and phone masked. */
export function presentAssisted(view: AssistedEnrolmentView, deps: { protector: DataProtector; catalogues: CatalogueStore }, now: string): AssistedEnrolment {
  const { protector } = deps
  const catalogueProducts = deps.catalogues.get(view.catalogue_id)?.data.products ?? []
  const nameOf = (code: string) => catalogueProducts.find((p) => p.code === code)?.name ?? code
  return {
    id: view.id,
    eventId: view.event_id,
    eventName: view.event_name,
    catalogueId: view.catalogue_id,
    name: view.name,
    idNumberMasked: maskIdNumber(unseal(protector, 'assisted_enrolments.id_number', view.id, view.id_number_ciphertext)),
    mobileMasked: maskMobile(unseal(protector, 'assisted_enrolments.mobile', view.id, view.mobile_ciphertext)),
    products: (JSON.parse(view.products) as string[]).map((code) => ({ code, name: nameOf(code) })),
    premiumFen: Number(view.premium_fen),
    fundingSource: view.funding_source as AssistedEnrolment['fundingSource'],
    status: statusOf(view, now),
    createdAt: view.created_at,
    expiresAt: view.expires_at,
    confirmedAt: view.confirmed_at,
    enrolmentId: view.enrolment_id,
    enrolmentStatus: view.enrolment_status,
  }
}
