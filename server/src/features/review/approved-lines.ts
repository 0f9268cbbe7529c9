import type { PayoutLine } from '@huzhu/shared'
import { AppError } from '../../http/errors'
import { benefitKey, cappedRules } from '../claims/claim-assessment.service'
import { yuan } from '../claims/claim-changes.service'

/**
 * The engine's lines attributed to an approved amount, so that the approved
 * lines always add up to it under the product and benefit that pay it (later
 * claims count them against annual caps and once-a-year sums):
 * - the engine's amount: its lines as they are;
 * - less: every paying line scaled down in proportion (largest remainder, in
 *   line order on ties), none above its engine amount;
 * - more: the excess goes, in line order, to lines of capped benefits that may
 *   pay (`limits`: the most each product/benefit may pay this plan year), never
 *   above the limit; a fixed sum never grows. Beyond every limit: a 422 naming
 *   the most that may be approved.
 * A changed line says so in its reason.
 */
export function approvedLines(lines: readonly PayoutLine[], approvedFen: number, limits: ReadonlyMap<string, number>): PayoutLine[] {
  const engineFen = lines.reduce((sum, line) => sum + Math.max(0, line.amountFen), 0)
  const amounts = lines.map((line) => Math.max(0, line.amountFen))
  if (approvedFen < engineFen) {
    const shares = lines.map((_line, i) => {
      const exact = BigInt(amounts[i]!) * BigInt(approvedFen)
      return { i, floor: Number(exact / BigInt(engineFen)), remainder: Number(exact % BigInt(engineFen)) }
    })
    let left = approvedFen - shares.reduce((sum, s) => sum + s.floor, 0)
    for (const s of shares) amounts[s.i] = s.floor
    for (const s of [...shares].sort((a, b) => b.remainder - a.remainder || a.i - b.i)) {
      if (left === 0) break
      if (s.remainder === 0) continue
      amounts[s.i]! += 1
      left -= 1
    }
  } else if (approvedFen > engineFen) {
    const room = new Map<string, number>()
    for (const [key, limit] of limits) room.set(key, limit)
    lines.forEach((line, i) => room.set(benefitKey(line), (room.get(benefitKey(line)) ?? 0) - amounts[i]!))
    let excess = approvedFen - engineFen
    lines.forEach((line, i) => {
      if (excess === 0 || line.benefit === null || line.refusal !== null || !cappedRules.has(line.rule)) return
      const free = Math.max(0, room.get(benefitKey(line)) ?? 0)
      const extra = Math.min(free, excess)
      amounts[i]! += extra
      room.set(benefitKey(line), free - extra)
      excess -= extra
    })
    if (excess > 0) {
      const maxFen = approvedFen - excess
      throw new AppError(422, 'claim_amount_over_limit', { params: { max: yuan(maxFen) }, details: [{ path: 'amountFen', code: 'claim_amount_over_limit', maxFen }] })
    }
  }
  return lines.map((line, i) => {
    const amountFen = amounts[i]!
    if (amountFen === line.amountFen) return { ...line }
    return { ...line, amountFen, reason: `${line.reason}（审核核定 ${yuan(amountFen)} 元，测算 ${yuan(Math.max(0, line.amountFen))} 元）` }
  })
}
