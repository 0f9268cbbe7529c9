import type { Generated, Insertable, Selectable } from 'kysely'

/** An outreach event (宣讲、义诊): riders scan its code and enrol with it. `products` is a JSON array of codes. */
export interface OutreachEventsTable {
  id: string
  code: string
  name: string
  place: string
  date: string
  unit_id: string | null
  catalogue_id: string
  products: string
  funding_source: string
  scans: Generated<number>
  created_by: string
  created_at: string
}
export type OutreachEventRow = Selectable<OutreachEventsTable>
export type NewOutreachEventRow = Insertable<OutreachEventsTable>
