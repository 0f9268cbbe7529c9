import type { CertificateResponse, Enrolment } from '@huzhu/shared'
import { isObject, readStored, writeStored } from '../../lib/storage'

const KEY = 'huzhu.card.last'

/** What the card shows, kept on the phone so it opens without a network. */
export interface CachedCard {
  certificate: CertificateResponse
  catalogueName: string
  products: { code: string; name: string }[]
  personName: string
  idNumberMasked: string
  start: string
  end: string
  savedAt: string
}

const isCachedCard = (value: unknown): value is CachedCard =>
  isObject(value) && isObject(value.certificate) && typeof value.certificate.payload === 'string' && Array.isArray(value.products)

export function readCachedCard(): CachedCard | null {
  return readStored(KEY, isCachedCard)
}

export function cacheCard(certificate: CertificateResponse, enrolment: Enrolment, idNumberMasked: string): CachedCard {
  const card: CachedCard = {
    certificate,
    catalogueName: enrolment.catalogueName,
    products: enrolment.products.map((p) => ({ code: p.code, name: p.name })),
    personName: enrolment.person.name,
    idNumberMasked,
    start: enrolment.start,
    end: enrolment.end,
    savedAt: new Date().toISOString(),
  }
  writeStored(KEY, card)
  return card
}
