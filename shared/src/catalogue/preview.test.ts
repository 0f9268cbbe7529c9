import { previewCatalogue } from '..'
import { shanghai } from '../../test/helpers'

describe('catalogue preview: what a member would see, by the engine', () => {
  const preview = previewCatalogue(shanghai(), '2020-10-14')

  test('each product with its price, tier, category and every benefit in words', () => {
    const a0 = preview.products.find((p) => p.code === 'A0')!
    expect(a0).toMatchObject({ name: '在职住院（基本）', tierLabel: '基本保障', categoryName: '住院', priceFen: 12000, maxShares: 1 })
    expect(a0.benefits[0]!.text).toBe('住院：统筹段自付 60%、附加段自付 70%；门诊大病：统筹段自付 50%、附加段自付 50%；家庭病床：统筹段自付 60%、附加段自付 70%；每年最高 ¥100,000.00')
    const a2 = preview.products.find((p) => p.code === 'A2')!
    expect(a2.benefits.map((b) => b.text)).toEqual(['住院医疗每天 ¥200.00，每年最高 ¥36,000.00', '住院医疗起付线退还，每年最高 ¥1,200.00'])
    const c1 = preview.products.find((p) => p.code === 'C1')!
    expect(c1.benefits[0]!.text).toMatch(/^最高 ¥50,000.00，按伤残等级给付：1级 100%、2级 90%/)
  })

  test('instant enrolment: cover from the next day to the plan year’s end, each category’s waiting period and first day', () => {
    expect(preview.modes.find((m) => m.mode === 'instant')).toEqual({
      mode: 'instant', label: '即时参保', ok: true, start: '2020-10-15', end: '2021-03-31',
      waiting: [
        { category: 'hospital', name: '住院', days: 30, coverFrom: '2020-11-14' },
        { category: 'critical', name: '特种重病', days: 60, coverFrom: '2020-12-14' },
        { category: 'accident', name: '意外', days: 0, coverFrom: '2020-10-15' },
      ],
    })
  })

  test('a mode the day does not allow says why, in Chinese', () => {
    const collective = preview.modes.find((m) => m.mode === 'collective')!
    expect(collective.ok).toBe(false)
    expect(collective.ok === false && collective.reason).toContain('2020-04-01')
    const before = previewCatalogue(shanghai(), '2020-03-20').modes.find((m) => m.mode === 'collective')
    expect(before).toMatchObject({ ok: true, start: '2020-04-01', end: '2021-03-31' })
  })
})
