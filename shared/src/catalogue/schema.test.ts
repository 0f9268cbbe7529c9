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
    expect(issuesOf(bad)).toContain('products.0.category: 没有这个类别：dental')
  })

  test('refuses prices that a proration rate cannot split into whole fen', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], priceFen: 12001 }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toContain('proration.0.rateBp: 每个单价和组合优惠乘以此比例后都须是整分')
  })

  test('refuses money as a float', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], priceFen: 120.5 }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toEqual(['products.0.priceFen: 金额最多精确到分'])
  })

  test('refuses a rider of a product that does not exist', () => {
    const bad = { ...shanghai, products: [{ ...shanghai.products[0], riderOf: 'Z9' }, ...shanghai.products.slice(1)] }
    expect(issuesOf(bad)).toEqual(['products.0.riderOf: riderOf 指向的 Z9 不是本计划的另一个产品'])
  })

  test('refuses unknown fields rather than ignoring a typo', () => {
    expect(issuesOf({ ...shanghai, bundel: [] }).join()).toMatch(/bundel/)
  })

  test('renewal: a successor and a window of days are optional; a catalogue is not its own successor', () => {
    expect(issuesOf({ ...shanghai, successor: 'shanghai-2021', renewalWindowDays: 45 })).toEqual([])
    expect(issuesOf({ ...shanghai, successor: 'shanghai-2020' })).toEqual(['successor: 续保计划不能是本计划自己'])
    expect(issuesOf({ ...shanghai, renewalWindowDays: 0 })).toHaveLength(1)
    expect(issuesOf({ ...shanghai, renewalWindowDays: 2.5 })).toHaveLength(1)
  })

  test('every problem at its path, in Chinese: a missing field, a wrong type, an unknown field, a bad value', () => {
    const { name: _name, ...unnamed } = shanghai
    const bad = { ...unnamed, bundel: [], products: [{ ...shanghai.products[0], maxShares: 'one', tier: 'gold' }, ...shanghai.products.slice(1)] }
    const issues = issuesOf(bad)
    expect(issues).toEqual(expect.arrayContaining([
      expect.stringMatching(/^name: 无效输入/),
      expect.stringMatching(/^products\.0\.maxShares: 无效输入：期望 数字/),
      expect.stringMatching(/^products\.0\.tier: 无效选项/),
      expect.stringMatching(/^: 出现未知的键\(key\): "bundel"/),
    ]))
    expect(issues).toHaveLength(4)
  })

  test('says whether a person may be enrolled through two units at once: Shanghai yes, Shaanxi no, unsaid no', () => {
    expect(builtInCatalogues().get('shanghai-2020')!.data.twoUnitsAtOnce).toBe(true)
    expect(builtInCatalogues().get('shaanxi-gig-2023')!.data.twoUnitsAtOnce).toBe(false)
    const { twoUnitsAtOnce: _flag, ...unsaid } = shanghai
    const loaded = loadCatalogue(unsaid)
    expect(loaded.ok && loaded.catalogue.data.twoUnitsAtOnce).toBe(false)
    expect(issuesOf({ ...shanghai, twoUnitsAtOnce: 'yes' })).toEqual([expect.stringMatching(/^twoUnitsAtOnce: 无效输入：期望 boolean/)])
  })

  test('may declare its funding order as a default split, in whole fen; unsaid, none', () => {
    const loaded = loadCatalogue({ ...shanghai, funding: { unionFen: 2_000 } })
    expect(loaded.ok && loaded.catalogue.data.funding).toEqual({ unionFen: 2_000, unitFen: 0 })
    expect(builtInCatalogues().get('shanghai-2020')!.data.funding).toBeUndefined()
    expect(issuesOf({ ...shanghai, funding: { unionFen: 12.5, unitFen: 0 } })).toEqual([expect.stringMatching(/^funding\.unionFen: /)])
    expect(issuesOf({ ...shanghai, funding: { memberFen: 100 } })).toEqual([expect.stringMatching(/^funding: 出现未知的键/)])
  })
})
