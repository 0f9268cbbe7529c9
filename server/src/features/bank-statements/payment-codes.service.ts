import { nowIso, type Clock } from '../../clock'
import type { Db } from '../../db/open'
import { newPaymentCode } from './payment-code'
import { insertFreeCodes } from './payment-codes.repository'
import type { NewPaymentCodeRow } from './payment-codes.table'

type Owner = { enrolment_id: string; roster_id: null } | { enrolment_id: null; roster_id: string }

/** Draws this many times at most for one owner: with 2.7 × 10^10 codes a second draw is already rare. */
const MAX_DRAWS = 8

/** Gives each owner a fresh code, drawing again for any that clashed with a code in use. */
async function issue(db: Db, clock: Clock, owners: readonly Owner[]): Promise<void> {
  let todo = owners
  for (let round = 0; todo.length > 0; round++) {
    if (round === MAX_DRAWS) throw new Error('payment codes: no free code found')
    const at = nowIso(clock)
    const fresh = new Set<string>()
    const drawCode = (): string => {
      const code = newPaymentCode()
      if (fresh.has(code)) return drawCode()
      fresh.add(code)
      return code
    }
    // Distinct within the batch, so that a code written is the code of exactly one owner.
    const drawn = todo.map((owner) => ({ owner, code: drawCode() }))
    const rows: NewPaymentCodeRow[] = drawn.map(({ owner, code }) => ({ code, ...owner, created_at: at }))
    const written = await insertFreeCodes(db, rows)
    todo = drawn.filter(({ code }) => !written.has(code)).map(({ owner }) => owner)
  }
}

/** Whether a roster's enrolments are paid together, by their unit or the union; otherwise each member pays their own. */
export function paidAsRoster(fundingSource: string): boolean {
  return fundingSource === 'unit' || fundingSource === 'union_gift'
}

/**
 * Codes for new enrolments paid on their own (made alone, at an event, a
 * unit's new hire). In the transaction that writes them.
 */
export async function issueEnrolmentCodes(db: Db, clock: Clock, enrolmentIds: readonly string[]): Promise<void> {
  await issue(db, clock, enrolmentIds.map((id) => ({ enrolment_id: id, roster_id: null })))
}

/**
 * The code(s) of a roster just imported, in the import's transaction: one for
 * the roster when its unit or the union pays it, else one for each enrolment
 * (each member pays their own premium or share).
 */
export async function issueRosterCodes(db: Db, clock: Clock, rosterId: string): Promise<void> {
  const ofRoster = db.selectFrom('enrolments').where('roster_id', '=', rosterId).where('status', '=', 'pending_payment')
  const first = await ofRoster.select('funding_source').limit(1).executeTakeFirst()
  if (!first) return
  if (paidAsRoster(first.funding_source)) await issue(db, clock, [{ enrolment_id: null, roster_id: rosterId }])
  else await issueEnrolmentCodes(db, clock, (await ofRoster.select('id').execute()).map((r) => r.id))
}
