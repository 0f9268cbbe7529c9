import type { Product } from '../catalogue/catalogue'
import type { Benefit } from '../catalogue/schema'
import { eventKindLabels, fundSegmentLabels, message, refusalReasons, refusalText, type MessageParams, type RefusalCode } from '../messages'
import { applyRate, formatFen } from '../money/fen'
import { fundSegments, type CareType } from '../domain'
import type { PayoutContext, PayoutLine } from './payout-types'

/** Benefit calculators: one event, one product, one benefit → its payout lines, each rounded half-up to the fen. */

export function payoutLine(
  product: Product,
  benefit: Benefit | null,
  part: string | null,
  amountFen: number,
  reason: string,
): PayoutLine {
  return {
    product: product.code, productName: product.name,
    benefit: benefit?.id ?? null, benefitName: benefit?.name ?? null,
    part, amountFen, rule: benefit?.kind ?? 'kind_not_covered', refusal: null, reason,
  }
}

export function refusalLine(product: Product, benefit: Benefit | null, code: RefusalCode, params: MessageParams): PayoutLine {
  return {
    ...payoutLine(product, benefit, null, 0, `第${refusalReasons[code].number}号：${refusalText(code, params)}`),
    rule: code,
    refusal: { code, number: refusalReasons[code].number },
  }
}

const percent = (bp: number) => `${bp / 100}%`
const yuan = formatFen

/** What is left of an annual cap after earlier payouts; a zero line when nothing is. */
function capLeft(product: Product, benefit: Benefit, capFen: number, ctx: PayoutContext): number | PayoutLine {
  const left = Math.max(0, capFen - ctx.paidBeforeFen)
  if (left === 0) return refusalLine(product, benefit, 'annual_limit_reached', { benefit: benefit.name, cap: yuan(capFen) })
  return left
}

function missingFigure(product: Product, benefit: Benefit, figure: string): PayoutLine {
  return payoutLine(product, benefit, null, 0, message('payout_figure_missing', { figure }))
}

export function payBenefit(product: Product, benefit: Benefit, ctx: PayoutContext): PayoutLine[] {
  const { event, shares } = ctx
  switch (benefit.kind) {
    case 'percent_of_out_of_pocket': {
      const rates = benefit.rates[event.kind as CareType]
      if (!rates) return []
      const parts = fundSegments
        .map((segment) => ({
          segment,
          rate: rates[segment],
          base: (segment === 'pooled' ? event.pooledOutOfPocketFen : event.supplementaryOutOfPocketFen) ?? 0,
        }))
        .filter((p) => p.rate > 0 && p.base > 0)
      if (parts.length === 0) return [missingFigure(product, benefit, '医保结算单上的个人自付金额')]
      const cap = capLeft(product, benefit, benefit.annualCapFen * shares, ctx)
      if (typeof cap !== 'number') return [cap]
      let left = cap
      return parts.map(({ segment, rate, base }) => {
        const computed = applyRate(base, rate)
        const amount = Math.min(computed, left)
        const params = { segment: fundSegmentLabels[segment], base: yuan(base), rate: percent(rate), computed: yuan(computed), amount: yuan(amount), left: yuan(left) }
        left -= amount
        return payoutLine(product, benefit, segment, amount, message(amount < computed ? 'payout_percent_capped' : 'payout_percent', params))
      })
    }
    case 'daily_allowance': {
      const days = event.hospitalDays ?? 0
      if (days <= 0) return [missingFigure(product, benefit, '住院天数')]
      const cap = capLeft(product, benefit, benefit.annualCapFen * shares, ctx)
      if (typeof cap !== 'number') return [cap]
      const perDay = benefit.perDayFen * shares
      const computed = days * perDay
      const amount = Math.min(computed, cap)
      const params = { days, perDay: yuan(perDay), computed: yuan(computed), amount: yuan(amount), left: yuan(cap) }
      return [payoutLine(product, benefit, null, amount, message(amount < computed ? 'payout_daily_capped' : 'payout_daily', params))]
    }
    case 'deductible_refund': {
      const paid = event.deductiblePaidFen ?? 0
      if (paid <= 0) return [missingFigure(product, benefit, '已付起付线金额')]
      const cap = capLeft(product, benefit, benefit.annualCapFen * shares, ctx)
      if (typeof cap !== 'number') return [cap]
      const amount = Math.min(paid, cap)
      return [payoutLine(product, benefit, null, amount, message('payout_deductible', { base: yuan(paid), left: yuan(cap), amount: yuan(amount) }))]
    }
    case 'fixed_sum': {
      if (ctx.paidBeforeCount > 0) return [refusalLine(product, benefit, 'already_paid_this_year', { benefit: benefit.name })]
      const illness = event.inSitu ? '原位癌' : benefit.name
      const base = (event.inSitu ? benefit.inSituAmountFen : benefit.amountFen) * shares
      const lines = [payoutLine(product, benefit, 'base', base, message('payout_fixed', { illness, amount: yuan(base) }))]
      if (ctx.sex === 'F' && event.femaleCancer) {
        const extra = (event.inSitu ? benefit.femaleInSituExtraFen : benefit.femaleCancerExtraFen) * shares
        if (extra > 0) {
          lines.push(payoutLine(product, benefit, 'female_extra', extra, message('payout_female_extra', { illness: event.inSitu ? '原位癌' : '癌症', amount: yuan(extra) })))
        }
      }
      return lines
    }
    case 'disability_by_grade': {
      const grade = event.disabilityGrade
      const rate = grade === undefined ? undefined : benefit.gradeRatesBp[grade - 1]
      if (grade === undefined || rate === undefined) return [missingFigure(product, benefit, '伤残等级（1至10级）')]
      const max = benefit.maxFen * shares
      const cap = capLeft(product, benefit, max, ctx)
      if (typeof cap !== 'number') return [cap]
      const computed = applyRate(max, rate)
      const amount = Math.min(computed, cap)
      const params = { grade, max: yuan(max), rate: percent(rate), computed: yuan(computed), amount: yuan(amount), left: yuan(cap) }
      return [payoutLine(product, benefit, null, amount, message(amount < computed ? 'payout_disability_capped' : 'payout_disability', params))]
    }
    case 'death_sum': {
      if (ctx.paidBeforeCount > 0) return [refusalLine(product, benefit, 'already_paid_this_year', { benefit: benefit.name })]
      const amount = benefit.amountFen * shares
      return [payoutLine(product, benefit, null, amount, message('payout_death', { amount: yuan(amount) }))]
    }
  }
}

export function kindNotCoveredLine(product: Product, kind: keyof typeof eventKindLabels): PayoutLine {
  return refusalLine(product, null, 'kind_not_covered', { product: product.code, name: product.name, kind: eventKindLabels[kind] })
}
