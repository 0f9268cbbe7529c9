import { builtInCatalogueData, builtInCatalogues, loadCatalogue } from '..'

const shanghai = builtInCatalogueData[0] as Record<string, unknown> & { products: Record<string, unknown>[] }

function issuesOf(raw: unknown): string[] {
  const result = loadCatalogue(raw)
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)
}

describe('catalogue schema', () => {
  test('both shipped catalogues pass the schema', () => {
    expect([...builtInCatalogues().keys()]).toEqual(['shanghai-2020', 'shaanxi-gig-2023'])
    const shaanxi = builtInCatalogues().get('shaanxi-gig-2023')!
    expect([...shaanxi.products.keys()]).toEqual(['ZY'])
    expect(shaanxi.data.illustrative).toContain('示例参数')
  })

  test('refuses a product in a category the catalogue does not define', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], category: 'dental' }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toContain('products.0.category: unknown category dental')
  })

  test('refuses prices that a proration rate cannot split into whole fen', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], priceFen: 12001 }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toContain('proration.0.rateBp: every price and bundle discount times this rate must be whole fen')
  })

  test('refuses money as a float', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], priceFen: 120.5 }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toEqual(['products.0.priceFen: money_not_integer_fen'])
  })

  test('refuses a rider of a product that does not exist', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], riderOf: 'Z9' }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toEqual(['products.0.riderOf: riderOf Z9 is not another product'])
  })

  test('refuses unknown fields rather than ignoring a typo', () => {
    expect(issuesOf({ ...shanghai, bundel: [] }).join()).toMatch(/bundel/)
  })

  test('renewal: a successor and a window of days are optional; a catalogue is not its own successor', () => {
    expect(issuesOf({ ...shanghai, successor: 'shanghai-2021', renewalWindowDays: 45 })).toEqual([])
    expect(issuesOf({ ...shanghai, successor: 'shanghai-2020' })).toEqual(['successor: a catalogue cannot be its own successor'])
    expect(issuesOf({ ...shanghai, renewalWindowDays: 0 })).toHaveLength(1)
    expect(issuesOf({ ...shanghai, renewalWindowDays: 2.5 })).toHaveLength(1)
  })
})
