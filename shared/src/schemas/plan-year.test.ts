import { builtInCatalogues } from '../catalogues'
import { planYearOf, planYearPeriod } from './plan-year'

const shanghai = builtInCatalogues().get('shanghai-2020')!
const gig = builtInCatalogues().get('shaanxi-gig-2023')!

test('a plan-year catalogue counts from its term\'s first day: Shanghai\'s 2020 is 1 April 2020 to 31 March 2021', () => {
  expect(planYearPeriod(shanghai, 2020)).toEqual({ planYear: 2020, start: '2020-04-01', end: '2021-03-31' })
  expect(planYearPeriod(shanghai, 2023)).toEqual({ planYear: 2023, start: '2023-04-01', end: '2024-03-31' })
  expect(planYearOf(shanghai, '2021-03-31')).toBe(2020)
  expect(planYearOf(shanghai, '2021-04-01')).toBe(2021)
})

test('a rolling term counts calendar years', () => {
  expect(planYearPeriod(gig, 2024)).toEqual({ planYear: 2024, start: '2024-01-01', end: '2024-12-31' })
  expect(planYearOf(gig, '2024-12-31')).toBe(2024)
  expect(planYearOf(gig, '2025-01-01')).toBe(2025)
})
