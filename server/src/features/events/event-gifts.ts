import { checkSelection, toSelection, type Catalogue, type CivilDate, type EventGiftBudget } from '@huzhu/shared'
import { forUpdate } from '../../db/dialect'
import type { Db } from '../../db/open'
import { AppError } from '../../http/errors'
import type { OutreachEventRow } from './events.table'

/**
 * A gift's budget as staff set it (DOMAIN.md "Funding": how many members,
 * which products, which dates): required exactly for a union gift, a valid
 * selection of the event's catalogue, a range of days in order.
 */
export function checkGiftBudget(catalogue: Catalogue, fundingSource: string, gift: EventGiftBudget | null): void {
  if (fundingSource !== 'union_gift') {
    if (gift !== null) throw new AppError(422, 'event_gift_budget_invalid', { params: { reason: '只有工会赠送的活动才设置赠送预算' }, details: [{ path: 'gift' }] })
    return
  }
  if (gift === null) throw new AppError(422, 'event_gift_budget_required', { details: [{ path: 'gift', code: 'event_gift_budget_required' }] })
  const found = checkSelection(catalogue, toSelection(gift.products))
  if (found.length > 0) {
    throw new AppError(422, 'event_gift_budget_invalid', { params: { reason: found.map((v) => v.message).join('；') }, details: found.map((v) => ({ path: 'gift.products', rule: v.rule, product: v.product, message: v.message })) })
  }
  if (gift.from > gift.to) throw new AppError(422, 'event_gift_budget_invalid', { params: { reason: '赠送开始日期晚于结束日期' }, details: [{ path: 'gift.to' }] })
}

export function giftOf(row: OutreachEventRow): EventGiftBudget | null {
  if (row.gift_limit === null || row.gift_products === null || row.gift_from === null || row.gift_to === null) return null
  return { limit: row.gift_limit, products: JSON.parse(row.gift_products) as string[], from: row.gift_from, to: row.gift_to }
}

/** Live gift enrolments of an event (pending or paid): what its budget has given. */
export async function countGifts(db: Db, eventId: string): Promise<number> {
  const row = await db.selectFrom('enrolments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId).where('funding_source', '=', 'union_gift').where('status', '!=', 'cancelled').executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Takes one gift from the event's budget for an enrolment of `products` made
 * on `today`, or refuses: products outside the gift (422
 * `event_gift_products`), a day outside its dates (422 `event_gift_closed`),
 * the budget used up (409 `event_gift_budget_exhausted`). The event's row is
 * locked until the caller's transaction commits (PostgreSQL; SQLite has one
 * writer), so of two gifts at once the second counts the first: the budget is
 * never overspent. The caller then writes the gift enrolment in the same
 * transaction. Events made before budgets existed have none and are not limited.
 */
export async function takeGift(db: Db, eventId: string, products: readonly string[], today: CivilDate): Promise<void> {
  const event = await forUpdate(db, db.selectFrom('outreach_events').selectAll().where('id', '=', eventId)).executeTakeFirst()
  const gift = event ? giftOf(event) : null
  if (!gift) return
  const allowed = new Set(gift.products)
  if (products.some((code) => !allowed.has(code))) {
    throw new AppError(422, 'event_gift_products', { params: { products: gift.products.join('、') }, details: [{ path: 'products', allowed: gift.products }] })
  }
  if (today < gift.from || today > gift.to) throw new AppError(422, 'event_gift_closed', { params: { from: gift.from, to: gift.to } })
  if ((await countGifts(db, eventId)) >= gift.limit) throw new AppError(409, 'event_gift_budget_exhausted', { params: { limit: gift.limit } })
}
