import type { OutreachEvent, OutreachEventPublic } from '@huzhu/shared'
import type { OutreachEventRow } from './events.table'
import { giftOf } from './event-gifts'

export interface EventCounts {
  enrolled: number
  pendingPayment: number
  gifts: number
}

/** The H5 link the QR code holds (Taro's browser router: the home page with `?event=CODE`). */
export function eventLink(baseUrl: string, code: string): string {
  return `${baseUrl}/pages/index/index?event=${encodeURIComponent(code)}`
}

export function presentEventPublic(row: OutreachEventRow, unitName: string | null): OutreachEventPublic {
  return {
    id: row.id, code: row.code, name: row.name, place: row.place, date: row.date, unitName, catalogueId: row.catalogue_id,
    products: JSON.parse(row.products) as string[], fundingSource: row.funding_source as OutreachEventPublic['fundingSource'],
    gift: giftOf(row),
  }
}

export function presentEvent(row: OutreachEventRow, unitName: string | null, counts: EventCounts | undefined, baseUrl: string): OutreachEvent {
  return {
    ...presentEventPublic(row, unitName),
    unitId: row.unit_id,
    link: eventLink(baseUrl, row.code),
    scene: `e=${row.code}`,
    counts: { scanned: row.scans, enrolled: counts?.enrolled ?? 0, pendingPayment: counts?.pendingPayment ?? 0, gifts: counts?.gifts ?? 0 },
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}
