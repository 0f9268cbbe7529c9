import type { Catalogue } from '../catalogue/catalogue'
import type { Sex } from '../domain'
import { benefitPayoutsKey, sumPriorPayouts } from './prior-payouts'
import { kindNotCoveredLine, payBenefit, refusalLine } from './benefit-payouts'
import { productsFacingEvent, type Cover, type ProductCover } from './cover'
import type { ClaimEvent, Payout, PayoutLine, PriorPayout } from './payout-types'

export interface PayoutInput {
  /** Every cover the person holds under this catalogue (two units may enrol the same person). */
  covers: readonly Cover[]
  sex: Sex
  event: ClaimEvent
  /** Earlier payouts to the same person; those in the same plan year count against caps. */
  prior?: readonly PriorPayout[]
}

interface Candidate extends ProductCover {
  cover: Cover
  order: number
}

/**
 * Overlap rule (one person enrolled through two units): a basic product pays one
 * share; within a category only one enhanced product pays, the highest (就高不就低).
 */
function overlapGroup(candidate: Candidate): string {
  const { product } = candidate
  return product.tier === 'basic' ? `product:${product.code}` : `enhanced:${product.category}`
}

function ranksAbove(a: Candidate, b: Candidate): boolean {
  if (a.product.priceFen !== b.product.priceFen) return a.product.priceFen > b.product.priceFen
  return a.order < b.order
}

/**
 * The payout for one event: lines per product, benefit and fund segment, each
 * rounded half-up to the fen; annual caps net of earlier payouts in the same plan
 * year; fixed sums once a plan year; the overlap rules across covers. Products
 * that do not pay get a zero line with the numbered reason, so the member sees why.
 */
export function computePayout(catalogue: Catalogue, input: PayoutInput): Payout {
  const { event } = input
  const candidates: Candidate[] = []
  input.covers.forEach((cover, coverIndex) => {
    for (const entry of productsFacingEvent(catalogue, cover, event.date, event.kind)) {
      candidates.push({ ...entry, cover, order: coverIndex * 1000 + candidates.length })
    }
  })

  const lines: PayoutLine[] = []
  if (candidates.length === 0) {
    const seen = new Set<string>()
    for (const cover of input.covers) {
      for (const item of cover.selection) {
        const product = catalogue.products.get(item.code)
        if (product && !seen.has(product.code)) {
          seen.add(product.code)
          lines.push(kindNotCoveredLine(product, event.kind))
        }
      }
    }
    return { totalFen: 0, lines }
  }

  const winners = new Map<string, Candidate>()
  for (const c of candidates) {
    if (c.payable.length === 0) continue
    const key = overlapGroup(c)
    const best = winners.get(key)
    if (!best || ranksAbove(c, best)) winners.set(key, c)
  }

  const explained = new Set<string>()
  for (const c of candidates) {
    const winner = winners.get(overlapGroup(c))
    if (winner === c) {
      for (const blocked of c.blocked) lines.push(refusalLine(c.product, blocked.benefit, blocked.refusal, blocked.params))
      for (const benefit of c.payable) {
        const prior = sumPriorPayouts(input.prior, benefitPayoutsKey(catalogue.id, c.product.code, benefit.id), c.cover.planYear)
        lines.push(...payBenefit(c.product, benefit, {
          sex: input.sex, event, shares: c.shares, paidBeforeFen: prior.amountFen, paidBeforeCount: prior.count,
        }))
      }
    } else if (winner) {
      if (c.payable.length === 0) continue
      const sameProduct = winner.product.code === c.product.code
      lines.push(refusalLine(c.product, null, sameProduct ? 'overlap_one_share' : 'overlap_highest_pays', {
        product: c.product.code, name: c.product.name, chosen: `${winner.product.code} ${winner.product.name}`,
      }))
    } else {
      for (const blocked of c.blocked) {
        const key = `${c.product.code}/${blocked.benefit.id}/${blocked.refusal}`
        if (explained.has(key)) continue
        explained.add(key)
        lines.push(refusalLine(c.product, blocked.benefit, blocked.refusal, blocked.params))
      }
    }
  }

  let totalFen = 0
  for (const line of lines) totalFen += line.amountFen
  return { totalFen, lines }
}
