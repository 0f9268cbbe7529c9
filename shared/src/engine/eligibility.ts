import type { Catalogue } from '../catalogue/catalogue'
import { ageOn, type CivilDate } from '../dates/civil-date'
import type { Occupation } from '../domain'
import { occupationLabels } from '../messages'
import { violation, type RuleViolation } from './violations'

export interface Applicant {
  unionMember: boolean
  basicMedicalInsurance: boolean
  occupation: Occupation
  birthDate: CivilDate
}

/** Who may join (DOMAIN.md rule 7): union member, basic medical insurance, age and occupation as the catalogue says. */
export function checkEligibility(catalogue: Catalogue, applicant: Applicant, on: CivilDate): RuleViolation[] {
  const rules = catalogue.data.eligibility
  const found: RuleViolation[] = []
  if (rules.unionMemberRequired && !applicant.unionMember) found.push(violation('not_union_member', null))
  if (rules.basicMedicalInsuranceRequired && !applicant.basicMedicalInsurance) {
    found.push(violation('no_basic_medical_insurance', null))
  }
  const age = ageOn(applicant.birthDate, on)
  if (rules.minAge !== undefined && age < rules.minAge) found.push(violation('age_below_minimum', null, { min: rules.minAge }))
  if (rules.maxAge !== undefined && age > rules.maxAge) found.push(violation('age_above_maximum', null, { max: rules.maxAge }))
  if (rules.occupations && !rules.occupations.includes(applicant.occupation)) {
    found.push(violation('occupation_not_eligible', null, { occupations: rules.occupations.map((o) => occupationLabels[o]).join('、') }))
  }
  return found
}
