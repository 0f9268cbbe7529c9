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
  /** A gift's budget (union_gift): how many members, which products (JSON codes), which days; null on events made before budgets. */
  gift_limit: Generated<number | null>
  gift_products: Generated<string | null>
  gift_from: Generated<string | null>
  gift_to: Generated<string | null>
  created_by: string
  created_at: string
}
export type OutreachEventRow = Selectable<OutreachEventsTable>
export type NewOutreachEventRow = Insertable<OutreachEventsTable>
