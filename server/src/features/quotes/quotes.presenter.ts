import type { Payout, PayoutEstimateResponse, Quote, QuoteResponse } from '@huzhu/shared'

export function presentQuote(q: Quote): QuoteResponse {
  return {
    catalogueId: q.catalogueId,
    mode: q.mode,
    acceptedOn: q.acceptedOn,
    start: q.start,
    end: q.end,
    premiumFen: q.premiumFen,
    lines: q.lines.map((l) => ({ product: l.product, name: l.name, kind: l.kind, shares: l.shares, premiumFen: l.premiumFen })),
    proration: q.proration ? { rateBp: q.proration.rateBp, label: q.proration.label } : null,
    coverFrom: { ...q.coverFrom },
  }
}

export function presentPayout(p: Payout): PayoutEstimateResponse {
  return {
    totalFen: p.totalFen,
    lines: p.lines.map((l) => ({
      product: l.product, productName: l.productName, benefit: l.benefit, benefitName: l.benefitName, part: l.part,
      amountFen: l.amountFen, rule: l.rule, refusal: l.refusal ? { code: l.refusal.code, number: l.refusal.number } : null, reason: l.reason,
    })),
  }
}
