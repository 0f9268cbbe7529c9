import type { CareType, EnrolmentMode, EventKind, FundingSource, FundSegment, Occupation, ProductTier } from '../domain'

/** Display names of the domain's closed vocabularies. */
export const occupationLabels: Record<Occupation, string> = {
  food_delivery: '外卖员',
  courier: '快递员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  other: '其他',
}

export const eventKindLabels: Record<EventKind, string> = {
  inpatient: '住院医疗',
  outpatient_serious: '门诊大病',
  family_sickbed: '家庭病床',
  critical_illness: '特种重病',
  accident_disability: '意外伤残',
  accident_death: '意外身故',
  disease_death: '疾病身故',
}

/**
 * Names of the waiting-period categories of `Enrolment.coverFrom` (a catalogue's own
 * `categories` names win where the catalogue is at hand).
 */
export const coverCategoryLabels: Readonly<Record<string, string>> = {
  hospital: '住院',
  critical: '特种重病',
  accident: '意外',
}

export const careTypeLabels: Record<CareType, string> = {
  inpatient: '住院',
  outpatient_serious: '门诊大病',
  family_sickbed: '家庭病床',
}

export const fundSegmentLabels: Record<FundSegment, string> = {
  pooled: '统筹段',
  supplementary: '附加段',
}

export const enrolmentModeLabels: Record<EnrolmentMode, string> = {
  collective: '集中参保',
  instant: '即时参保',
}

export const productTierLabels: Record<ProductTier, string> = {
  basic: '基本保障',
  enhanced: '加强保障',
}

export const fundingSourceLabels: Record<FundingSource, string> = {
  union_gift: '工会赠送',
  unit: '单位缴费',
  member: '个人缴费',
  split: '多方分担',
}

export const sexLabels = { M: '男', F: '女' } as const
