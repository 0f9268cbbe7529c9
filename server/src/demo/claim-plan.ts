/**
 * The demo office's claims over eight months (demo/claims.ts files them): what
 * each one ends as, when it was sent (days before today), how long each step
 * took (days after it was sent), and whose it is (a unit, or a city, and an age).
 *
 * Paid claims cluster the way a real office's do, so the public page has
 * anonymised cases to show (groups of at least 5 people alike): eight
 * hospital stays in 西安 of riders in their thirties paid within 10 working
 * days, five small ones in 宝鸡 approved straight through on the
 * medical-insurance settlement records. 金台区快递物流工会 claims far more
 * than its premiums (an adverse-selection signal); two claims in 西安 took
 * longer than the promised 10 working days.
 */
import type { ClaimFigures, EventKind } from '@huzhu/shared'

export type DemoClaimEnd =
  | 'submitted' | 'in_review' | 'needs_material' | 'approved' | 'returned' | 'payment_in_progress' | 'paid' | 'rejected' | 'withdrawn'

export interface DemoClaimSpec {
  end: DemoClaimEnd
  kind: EventKind
  figures: ClaimFigures
  diagnosis: string
  /** Days before today it was sent. */
  daysAgo: number
  /** Days after sending: the review started, the decision (or withdrawal), the payment batch, the bank's result. */
  review?: number
  decide?: number
  batch?: number
  bank?: number
  /** The settlement record was imported before the claim: approved straight through. */
  settled?: boolean
  /** Whose: the unit (index in DEMO_UNITS) or the city (GB/T 2260 prefix), and an age on the event date. */
  unit?: number
  city?: string
  ages?: readonly [number, number]
}

const stay = (totalYuan: number, pooledYuan: number, supplementaryYuan: number): ClaimFigures =>
  ({ totalCostFen: totalYuan * 100, pooledOutOfPocketFen: pooledYuan * 100, supplementaryOutOfPocketFen: supplementaryYuan * 100 })

const paidInTime = { review: 1, decide: 5, batch: 8, bank: 10 }
const XIAN = '6101'

export const demoClaimPlan: readonly DemoClaimSpec[] = [
  // Paid within 10 working days: riders in their thirties in 西安, hospital stays paying 1,000–1,300 yuan.
  { end: 'paid', kind: 'inpatient', figures: stay(9_860, 2_040, 160), diagnosis: '急性阑尾炎', daysAgo: 200, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(12_400, 2_200, 300), diagnosis: '右下肢骨折术后', daysAgo: 176, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(8_720, 1_980, 120), diagnosis: '肺炎', daysAgo: 150, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(10_150, 2_300, 260), diagnosis: '胆囊结石', daysAgo: 128, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(9_300, 2_100, 0), diagnosis: '急性胃肠炎', daysAgo: 104, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(11_080, 2_250, 180), diagnosis: '腰椎间盘突出', daysAgo: 83, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(9_990, 2_060, 240), diagnosis: '肾结石', daysAgo: 61, ...paidInTime, city: XIAN, ages: [30, 39] },
  { end: 'paid', kind: 'inpatient', figures: stay(10_640, 2_400, 200), diagnosis: '锁骨骨折', daysAgo: 40, ...paidInTime, city: XIAN, ages: [30, 39] },
  // Paid late: past the 10 working days.
  { end: 'paid', kind: 'inpatient', figures: stay(18_600, 3_400, 400), diagnosis: '冠心病支架术后', daysAgo: 170, review: 3, decide: 14, batch: 18, bank: 20, city: XIAN },
  { end: 'paid', kind: 'inpatient', figures: stay(15_200, 3_100, 300), diagnosis: '糖尿病酮症', daysAgo: 95, review: 4, decide: 15, batch: 19, bank: 21, city: XIAN },
  // 宝鸡: straight through on the settlement records, paid in days.
  { end: 'paid', kind: 'inpatient', figures: stay(4_360, 1_180, 80), diagnosis: '急性支气管炎', daysAgo: 100, batch: 2, bank: 3, settled: true, unit: 5 },
  { end: 'paid', kind: 'inpatient', figures: stay(5_020, 1_260, 60), diagnosis: '急性胃肠炎', daysAgo: 82, batch: 2, bank: 3, settled: true, unit: 5 },
  { end: 'paid', kind: 'inpatient', figures: stay(3_980, 1_100, 100), diagnosis: '扁桃体炎', daysAgo: 64, batch: 2, bank: 3, settled: true, unit: 5 },
  { end: 'paid', kind: 'inpatient', figures: stay(4_700, 1_240, 0), diagnosis: '软组织挫伤', daysAgo: 47, batch: 2, bank: 3, settled: true, unit: 5 },
  { end: 'paid', kind: 'inpatient', figures: stay(4_150, 1_150, 90), diagnosis: '病毒性感冒', daysAgo: 30, batch: 2, bank: 3, settled: true, unit: 5 },
  { end: 'paid', kind: 'accident_disability', figures: { disabilityGrade: 10 }, diagnosis: '分拣时右手食指被传送带压伤，十级伤残', daysAgo: 70, ...paidInTime, unit: 5 },
  { end: 'paid', kind: 'inpatient', figures: stay(9_400, 2_180, 220), diagnosis: '阑尾炎', daysAgo: 140, ...paidInTime, unit: 4 },
  { end: 'paid', kind: 'inpatient', figures: stay(8_900, 2_000, 100), diagnosis: '急性胰腺炎', daysAgo: 58, ...paidInTime, unit: 4 },
  // Not yet paid, or not paid at all.
  { end: 'payment_in_progress', kind: 'inpatient', figures: stay(7_800, 1_900, 100), diagnosis: '泌尿系感染', daysAgo: 6, review: 1, decide: 2, batch: 4, unit: 2 },
  { end: 'returned', kind: 'inpatient', figures: stay(9_100, 2_100, 150), diagnosis: '手部骨折', daysAgo: 25, review: 1, decide: 4, batch: 6, bank: 8, unit: 0 },
  { end: 'approved', kind: 'inpatient', figures: stay(6_800, 2_100, 600), diagnosis: '右下肢骨折术后', daysAgo: 7, review: 1, decide: 3, unit: 0 },
  { end: 'needs_material', kind: 'inpatient', figures: { pooledOutOfPocketFen: 320_000 }, diagnosis: '肺炎', daysAgo: 15, review: 1, decide: 2, unit: 1 },
  { end: 'needs_material', kind: 'inpatient', figures: { pooledOutOfPocketFen: 180_000 }, diagnosis: '头部外伤', daysAgo: 8, review: 1, decide: 2, unit: 3 },
  { end: 'in_review', kind: 'accident_disability', figures: { disabilityGrade: 9 }, diagnosis: '送餐途中摔伤，右手腕骨折', daysAgo: 9, review: 1, unit: 0 },
  { end: 'in_review', kind: 'inpatient', figures: stay(14_200, 2_900, 300), diagnosis: '腰椎骨折', daysAgo: 6, review: 2, unit: 3 },
  { end: 'in_review', kind: 'inpatient', figures: stay(6_400, 1_500, 100), diagnosis: '急性肠梗阻', daysAgo: 5, review: 1, unit: 4 },
  { end: 'submitted', kind: 'inpatient', figures: stay(12_600, 8_000, 2_000), diagnosis: '急性阑尾炎', daysAgo: 1, unit: 0 },
  { end: 'submitted', kind: 'inpatient', figures: stay(5_400, 1_300, 80), diagnosis: '肺部感染', daysAgo: 2, unit: 2 },
  { end: 'submitted', kind: 'inpatient', figures: stay(7_200, 1_700, 0), diagnosis: '胃溃疡出血', daysAgo: 4, unit: 4 },
  { end: 'rejected', kind: 'inpatient', figures: { pooledOutOfPocketFen: 90_000 }, diagnosis: '体检', daysAgo: 150, review: 1, decide: 3, unit: 1 },
  { end: 'rejected', kind: 'inpatient', figures: { pooledOutOfPocketFen: 60_000 }, diagnosis: '医疗美容', daysAgo: 90, review: 2, decide: 4, unit: 2 },
  { end: 'rejected', kind: 'inpatient', figures: { pooledOutOfPocketFen: 120_000 }, diagnosis: '门诊检查', daysAgo: 35, review: 1, decide: 2, unit: 5 },
  { end: 'withdrawn', kind: 'inpatient', figures: { pooledOutOfPocketFen: 150_000 }, diagnosis: '急性胃炎', daysAgo: 50, decide: 2, unit: 1 },
]

/** Why each rejected claim was refused, in the order they appear above. */
export const demoRefusals = ['健康体检不属于住院医疗保障范围', '医疗美容不属于互助保障范围', '门诊检查不属于住院医疗保障范围'] as const

export const DEMO_HOSPITALS: Readonly<Record<string, readonly string[]>> = {
  '6101': ['西安市第一医院', '西安交通大学第一附属医院', '陕西省人民医院', '西安市中心医院'],
  '6103': ['宝鸡市中心医院', '宝鸡市人民医院'],
}
