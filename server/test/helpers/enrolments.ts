import type { TestApp } from './test-app'

/** Gives a unit a standing selection directly in the database. */
export async function setUnitSelection(app: TestApp, unitId: string, catalogueId: string, products: string[], fundingSource = 'unit'): Promise<void> {
  await app.db.updateTable('units').set({ catalogue_id: catalogueId, products: JSON.stringify(products), funding_source: fundingSource }).where('id', '=', unitId).execute()
}

/** Counts enrolments, optionally of one roster or unit. */
export async function countEnrolments(app: TestApp, where: { rosterId?: string; unitId?: string } = {}): Promise<number> {
  let q = app.db.selectFrom('enrolments').select((eb) => eb.fn.countAll<number>().as('n'))
  if (where.rosterId) q = q.where('roster_id', '=', where.rosterId)
  if (where.unitId) q = q.where('unit_id', '=', where.unitId)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/** Sets the test clock to a moment on a China date (10:00 in Shanghai). */
export function setChinaDate(app: TestApp, date: string): void {
  app.clock.set(`${date}T02:00:00.000Z`)
}
