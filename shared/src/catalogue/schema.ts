import { z } from 'zod'
import { civilDateSchema } from '../dates/schema'
import { careTypes, enrolmentModes, occupations, productTiers } from '../domain'
import { basisPointsSchema, fenSchema } from '../money/fen'

/**
 * The catalogue format: one file per region and plan year, listing products,
 * prices, benefits, selection rules, enrolment modes and waiting periods. The
 * rule engine reads only this; nothing about a region is in code.
 */

const codeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '代码只能用字母、数字、- 或 _，最多 32 个字符')
const nameSchema = z.string().min(1).max(60)

const segmentRatesSchema = z.strictObject({
  pooled: basisPointsSchema.describe('rate on the pooled-fund (统筹) out-of-pocket amount'),
  supplementary: basisPointsSchema.describe('rate on the supplementary (附加) out-of-pocket amount'),
})
const careRatesSchema = z.partialRecord(z.enum(careTypes), segmentRatesSchema)

const benefitBase = {
  id: codeSchema,
  name: nameSchema,
  /** The category whose waiting period applies; the product's own category when absent. */
  category: codeSchema.optional(),
}

export const percentOfOutOfPocketSchema = z.strictObject({
  ...benefitBase,
  kind: z.literal('percent_of_out_of_pocket'),
  rates: careRatesSchema.refine((r) => Object.keys(r).length > 0, 'at least one care type'),
  annualCapFen: fenSchema,
})

export const dailyAllowanceSchema = z.strictObject({
  ...benefitBase,
  kind: z.literal('daily_allowance'),
  events: z.array(z.enum(careTypes)).min(1),
  perDayFen: fenSchema,
  annualCapFen: fenSchema,
})

export const deductibleRefundSchema = z.strictObject({
  ...benefitBase,
  kind: z.literal('deductible_refund'),
  events: z.array(z.enum(careTypes)).min(1),
  annualCapFen: fenSchema,
})

export const fixedSumSchema = z.strictObject({
  ...benefitBase,
  kind: z.literal('fixed_sum'),
  events: z.array(z.literal('critical_illness')).min(1),
  amountFen: fenSchema,
  inSituAmountFen: fenSchema.describe('paid instead of amountFen for carcinoma in situ (原位癌)'),
  femaleCancerExtraFen: fenSchema.default(0).describe('added for a woman with a female cancer'),
  femaleInSituExtraFen: fenSchema.default(0).describe('added for a woman with a female carcinoma in situ'),
})

export const disabilityByGradeSchema = z.strictObject({
  ...benefitBase,
  kind: z.literal('disability_by_grade'),
  events: z.array(z.literal('accident_disability')).min(1),
  maxFen: fenSchema.describe('grade 1 pays this; it is also the annual cap'),
  gradeRatesBp: z.array(basisPointsSchema).length(10).describe('share of maxFen for grades 1..10'),
})

export const deathSumSchema = z.strictObject({
  ...benefitBase,
  kind: z.literal('death_sum'),
  events: z.array(z.enum(['accident_death', 'disease_death'])).min(1),
  amountFen: fenSchema,
})

export const benefitSchema = z.discriminatedUnion('kind', [
  percentOfOutOfPocketSchema,
  dailyAllowanceSchema,
  deductibleRefundSchema,
  fixedSumSchema,
  disabilityByGradeSchema,
  deathSumSchema,
])

export const productSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  category: codeSchema,
  tier: z.enum(productTiers),
  /** A rider (副险) is only sold with its main product (主险带副险). */
  riderOf: codeSchema.optional(),
  priceFen: fenSchema.describe('premium for one share and a full year'),
  maxShares: z.number().int().min(1).max(10),
  summary: z.string().min(1).max(300).describe('the cover in one plain Chinese sentence'),
  benefits: z.array(benefitSchema).min(1),
})

export const bundleSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  products: z.array(codeSchema).min(2),
  priceFen: fenSchema.describe('price of one share of each product together, full year'),
})

export const categorySchema = z.strictObject({ code: codeSchema, name: nameSchema })

const waitingDaysSchema = z.record(codeSchema, z.number().int().min(0).max(730))

export const enrolmentModeSchema = z.strictObject({
  /** `plan_year_start`: cover starts on the plan year's first day (collective); `day_after_acceptance`: the day after the roster or application is accepted. */
  start: z.enum(['plan_year_start', 'day_after_acceptance']),
  waitingDays: waitingDaysSchema.describe('days from cover start to when each category pays'),
})

export const termSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan_year'), start: civilDateSchema, end: civilDateSchema }),
  z.strictObject({ kind: z.literal('rolling'), months: z.number().int().min(1).max(36) }),
])

export const prorationStepSchema = z.strictObject({
  startFrom: civilDateSchema.describe('cover starting on or after this date pays rateBp of the full premium'),
  rateBp: basisPointsSchema,
  label: nameSchema,
})

export const eligibilitySchema = z.strictObject({
  unionMemberRequired: z.boolean(),
  basicMedicalInsuranceRequired: z.boolean(),
  occupations: z.array(z.enum(occupations)).min(1).optional(),
  minAge: z.number().int().min(0).max(120).optional(),
  maxAge: z.number().int().min(0).max(120).optional(),
})

export const catalogueDataSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(80),
    region: z.string().min(1).max(40),
    issuer: z.string().min(1).max(80),
    source: z.string().max(300).optional(),
    /** Set when some parameters are illustrative rather than from a published source: says which. */
    illustrative: z.string().max(500).optional(),
    term: termSchema,
    enrolment: z.strictObject({ opensOn: civilDateSchema.optional(), closesOn: civilDateSchema.optional() }),
    modes: z.partialRecord(z.enum(enrolmentModes), enrolmentModeSchema),
    proration: z.array(prorationStepSchema),
    categories: z.array(categorySchema).min(1),
    products: z.array(productSchema).min(1),
    bundles: z.array(bundleSchema),
    selection: z.strictObject({ maxEnhancedPerCategory: z.number().int().min(1) }),
    /**
     * Whether one person may be enrolled through two units with overlapping cover
     * (DOMAIN.md "Overlap"): Shanghai allows it and pays by the overlap rule; a
     * catalogue that does not say refuses the second enrolment, as Shaanxi's does.
     */
    twoUnitsAtOnce: z.boolean().default(false).describe('a person may hold overlapping cover through two different units, paid by the overlap rule'),
    eligibility: eligibilitySchema,
    /** The catalogue a cover of this one renews into (next year's plan), when the office names one; else it renews here. */
    successor: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/).optional(),
    /** Days before a cover ends from which it may be renewed (DOMAIN.md: 30 unless the catalogue says otherwise). */
    renewalWindowDays: z.number().int().min(1).max(366).optional(),
    /**
     * The catalogue's funding order (DOMAIN.md "Funding": union first, then unit,
     * then member) as a default split: what the union and, for an enrolment
     * through a unit, the unit give towards each member's premium, taken in that
     * order; whoever the enrolment's funding source names pays the rest. Applies
     * when the unit sets no split of its own; a gift is the union's alone.
     */
    funding: z.strictObject({
      unionFen: fenSchema.default(0).describe('the union gives up to this towards each premium, first'),
      unitFen: fenSchema.default(0).describe('then the member’s unit gives up to this (nothing without a unit)'),
    }).optional(),
  })
  .superRefine((c, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path })
    const categories = new Set(c.categories.map((x) => x.code))
    const products = new Map(c.products.map((p) => [p.code, p]))
    if (products.size !== c.products.length) issue('产品代码不能重复', ['products'])
    if (categories.size !== c.categories.length) issue('类别代码不能重复', ['categories'])
    if (Object.keys(c.modes).length === 0) issue('至少要有一种参保方式', ['modes'])
    if (c.successor === c.id) issue('续保计划不能是本计划自己', ['successor'])

    c.products.forEach((p, i) => {
      if (!categories.has(p.category)) issue(`没有这个类别：${p.category}`, ['products', i, 'category'])
      if (p.riderOf !== undefined && (!products.has(p.riderOf) || p.riderOf === p.code)) {
        issue(`riderOf 指向的 ${p.riderOf} 不是本计划的另一个产品`, ['products', i, 'riderOf'])
      }
      const ids = new Set<string>()
      p.benefits.forEach((b, j) => {
        if (ids.has(b.id)) issue(`保障项目编号 ${b.id} 重复`, ['products', i, 'benefits', j, 'id'])
        ids.add(b.id)
        if (b.category !== undefined && !categories.has(b.category)) {
          issue(`没有这个类别：${b.category}`, ['products', i, 'benefits', j, 'category'])
        }
      })
    })
    c.bundles.forEach((b, i) => {
      b.products.forEach((code, j) => {
        if (!products.has(code)) issue(`没有这个产品：${code}`, ['bundles', i, 'products', j])
      })
      const listFen = b.products.reduce((sum, code) => sum + (products.get(code)?.priceFen ?? 0), 0)
      if (b.priceFen > listFen) issue('组合价不能高于各产品单价之和', ['bundles', i, 'priceFen'])
    })
    for (const [mode, m] of Object.entries(c.modes)) {
      for (const cat of Object.keys(m.waitingDays)) {
        if (!categories.has(cat)) issue(`没有这个类别：${cat}`, ['modes', mode, 'waitingDays', cat])
      }
      if (m.start === 'plan_year_start' && c.term.kind !== 'plan_year') {
        issue('plan_year_start（保障年度首日起保）需要 plan_year 期限', ['modes', mode, 'start'])
      }
    }
    if (c.term.kind === 'plan_year' && c.term.start >= c.term.end) issue('保障期开始日须早于结束日', ['term'])
    for (let i = 1; i < c.proration.length; i++) {
      if (c.proration[i]!.startFrom <= c.proration[i - 1]!.startFrom) issue('折算档次须按日期先后排列', ['proration', i])
    }
    // Prorated prices must be whole fen, so that a prorated premium is exactly its share
    // of the full premium and still the sum of its lines.
    const amounts = [
      ...c.products.map((p) => p.priceFen),
      ...c.bundles.map((b) => b.products.reduce((s, code) => s + (products.get(code)?.priceFen ?? 0), 0) - b.priceFen),
    ]
    c.proration.forEach((step, i) => {
      if (amounts.some((fen) => (fen * step.rateBp) % 10_000 !== 0)) {
        issue('每个单价和组合优惠乘以此比例后都须是整分', ['proration', i, 'rateBp'])
      }
    })
  })

export type CatalogueData = z.infer<typeof catalogueDataSchema>
export type CatalogueDataInput = z.input<typeof catalogueDataSchema>
export type ProductData = z.infer<typeof productSchema>
export type Benefit = z.infer<typeof benefitSchema>
export type BenefitKind = Benefit['kind']
export type BundleData = z.infer<typeof bundleSchema>
export type EnrolmentModeData = z.infer<typeof enrolmentModeSchema>
export type Eligibility = z.infer<typeof eligibilitySchema>

