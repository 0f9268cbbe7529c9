import { addDays, type CivilDate } from '../dates/civil-date'
import { enrolmentModes, type EnrolmentMode, type ProductTier } from '../domain'
import { coverDates } from '../engine/cover-dates'
import { careTypeLabels, enrolmentModeLabels, eventKindLabels, fillTemplate, productTierLabels } from '../messages'
import { benefitTexts } from '../messages/ui-catalogues'
import { formatYuan } from '../money/fen'
import type { Catalogue } from './catalogue'
import type { Benefit } from './schema'

/**
 * What a member would see of a catalogue, worked out by the engine for an admin
 * who is about to publish it: each product with its price and benefits in words,
 * the bundles and half-year steps, and per enrolment mode the cover period and
 * the waiting period of each category for an application accepted on a day.
 */
export interface CataloguePreview {
  acceptedOn: CivilDate
  products: PreviewProduct[]
  modes: PreviewMode[]
}

export interface PreviewProduct {
  code: string
  name: string
  tier: ProductTier
  tierLabel: string
  category: string
  categoryName: string
  riderOf: string | null
  priceFen: number
  maxShares: number
  summary: string
  benefits: { id: string; name: string; text: string }[]
}

export type PreviewMode =
  | { mode: EnrolmentMode; label: string; ok: true; start: CivilDate; end: CivilDate; waiting: PreviewWaiting[] }
  | { mode: EnrolmentMode; label: string; ok: false; reason: string }

export interface PreviewWaiting {
  category: string
  name: string
  days: number
  coverFrom: CivilDate
}

const percent = (bp: number) => `${bp / 100}%`
const eventNames = (events: readonly (keyof typeof eventKindLabels)[]) => events.map((e) => eventKindLabels[e]).join('、')

/** One benefit in a sentence: rates, amounts and caps in yuan. */
export function benefitText(benefit: Benefit): string {
  switch (benefit.kind) {
    case 'percent_of_out_of_pocket': {
      const rates = Object.entries(benefit.rates).map(([care, r]) =>
        fillTemplate(benefitTexts.percentRates, { care: careTypeLabels[care as keyof typeof careTypeLabels], pooled: percent(r.pooled), supplementary: percent(r.supplementary) }))
      return fillTemplate(benefitTexts.percent, { rates: rates.join('；'), cap: formatYuan(benefit.annualCapFen) })
    }
    case 'daily_allowance':
      return fillTemplate(benefitTexts.daily, { events: eventNames(benefit.events), perDay: formatYuan(benefit.perDayFen), cap: formatYuan(benefit.annualCapFen) })
    case 'deductible_refund':
      return fillTemplate(benefitTexts.deductible, { events: eventNames(benefit.events), cap: formatYuan(benefit.annualCapFen) })
    case 'fixed_sum': {
      let text = fillTemplate(benefitTexts.fixed, { amount: formatYuan(benefit.amountFen), inSitu: formatYuan(benefit.inSituAmountFen) })
      if (benefit.femaleCancerExtraFen > 0) text += fillTemplate(benefitTexts.femaleExtra, { extra: formatYuan(benefit.femaleCancerExtraFen) })
      if (benefit.femaleInSituExtraFen > 0) text += fillTemplate(benefitTexts.femaleInSituExtra, { extra: formatYuan(benefit.femaleInSituExtraFen) })
      return text
    }
    case 'disability_by_grade': {
      const grades = benefit.gradeRatesBp.map((bp, i) => fillTemplate(benefitTexts.grade, { grade: i + 1, percent: percent(bp) })).join('、')
      return fillTemplate(benefitTexts.disability, { max: formatYuan(benefit.maxFen), grades })
    }
    case 'death_sum':
      return fillTemplate(benefitTexts.death, { events: `${eventNames(benefit.events)} `, amount: formatYuan(benefit.amountFen) })
  }
}

function previewMode(catalogue: Catalogue, mode: EnrolmentMode, acceptedOn: CivilDate): PreviewMode {
  const label = enrolmentModeLabels[mode]
  const dates = coverDates(catalogue, mode, acceptedOn)
  if (!dates.ok) return { mode, label, ok: false, reason: dates.violations.map((v) => v.message).join('；') }
  const waitingDays = catalogue.data.modes[mode]?.waitingDays ?? {}
  const waiting = catalogue.data.categories.map((c) => {
    const days = waitingDays[c.code] ?? 0
    return { category: c.code, name: c.name, days, coverFrom: addDays(dates.value.start, days) }
  })
  return { mode, label, ok: true, start: dates.value.start, end: dates.value.end, waiting }
}

export function previewCatalogue(catalogue: Catalogue, acceptedOn: CivilDate): CataloguePreview {
  const { data } = catalogue
  const products = data.products.map((p): PreviewProduct => ({
    code: p.code,
    name: p.name,
    tier: p.tier,
    tierLabel: productTierLabels[p.tier],
    category: p.category,
    categoryName: catalogue.categoryNames.get(p.category) ?? p.category,
    riderOf: p.riderOf ?? null,
    priceFen: p.priceFen,
    maxShares: p.maxShares,
    summary: p.summary,
    benefits: p.benefits.map((b) => {
      const own = b.category !== undefined && b.category !== p.category
      const waits = own ? fillTemplate(benefitTexts.categoryWaits, { category: catalogue.categoryNames.get(b.category!) ?? b.category! }) : ''
      return { id: b.id, name: b.name, text: benefitText(b) + waits }
    }),
  }))
  const modes = enrolmentModes.filter((m) => data.modes[m] !== undefined).map((m) => previewMode(catalogue, m, acceptedOn))
  return { acceptedOn, products, modes }
}
