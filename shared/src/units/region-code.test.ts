import { message, parseRegionCode, provinces, regionChildren, regionLabel, regionLabelOf } from '..'

const code = (input: unknown) => {
  const r = parseRegionCode(input)
  return r.ok ? 'ok' : r.code
}

describe('region codes (GB/T 2260)', () => {
  test('the 34 provincial-level divisions, Taiwan, Hong Kong and Macao included', () => {
    const all = provinces()
    expect(all).toHaveLength(34)
    expect(all.map((p) => p.code)).toEqual(expect.arrayContaining(['110000', '310000', '610000', '710000', '810000', '820000']))
    expect(new Set(all.map((p) => p.code)).size).toBe(34)
  })

  test('a district, a city and a province of Shaanxi, with their names', () => {
    expect(parseRegionCode('610103')).toEqual({ ok: true, value: { code: '610103', level: 'district', province: '陕西省', city: '西安市', district: '碑林区', named: true } })
    expect(parseRegionCode('610100')).toMatchObject({ ok: true, value: { level: 'city', city: '西安市', district: null } })
    expect(parseRegionCode('610000')).toMatchObject({ ok: true, value: { level: 'province', province: '陕西省' } })
    expect(regionLabelOf('610113')).toBe('陕西省西安市雁塔区')
    expect(regionLabelOf('610881')).toBe('陕西省榆林市神木市') // a county-level city
  })

  test('Shanghai’s districts sit under 310100 (市辖区), which a label leaves out', () => {
    expect(regionLabelOf('310115')).toBe('上海市浦东新区')
    expect(regionLabelOf('310151')).toBe('上海市崇明区')
    expect(regionLabelOf('310000')).toBe('上海市')
  })

  test('in a province listed in full, a code that names no real city or district is refused', () => {
    // 310102 was 黄浦 before 2011 (merged into 310101); 610199 and 611100 never existed.
    expect(parseRegionCode('310102')).toEqual({ ok: false, code: 'region_code_unknown', params: { province: '上海市', code: '310102' } })
    expect(code('610199')).toBe('region_code_unknown')
    expect(code('611100')).toBe('region_code_unknown')
    expect(message('region_code_unknown', { province: '上海市', code: '310102' })).toBe('上海市没有代码为 310102 的市或区县，请核对')
  })

  test('elsewhere only the structure is checked, and only the province is named', () => {
    const zhengzhou = parseRegionCode('410105')
    expect(zhengzhou).toEqual({ ok: true, value: { code: '410105', level: 'district', province: '河南省', city: null, district: null, named: false } })
    if (zhengzhou.ok) expect(regionLabel(zhengzhou.value)).toBe('河南省（410105）')
    expect(code('110108')).toBe('ok')
  })

  test('structure: six digits, a real province, no district without a city', () => {
    expect(code('61010')).toBe('region_code_format')
    expect(code('61010a')).toBe('region_code_format')
    expect(parseRegionCode('990000')).toEqual({ ok: false, code: 'region_code_province_unknown', params: { province: '99' } })
    expect(code('100000')).toBe('region_code_province_unknown')
    expect(code('610003')).toBe('region_code_structure')
    expect(code('')).toBe('region_code_required')
    expect(code(610103)).toBe('region_code_required')
  })

  test('Taiwan, Hong Kong and Macao are coded as a whole', () => {
    expect(code('810000')).toBe('ok')
    expect(code('810100')).toBe('region_code_unknown')
  })

  test('full-width digits and spaces are accepted as typed', () => {
    expect(parseRegionCode(' ６１０１０３ ')).toMatchObject({ ok: true, value: { code: '610103' } })
  })

  test('a chooser walks province → city → district where names are known', () => {
    const cities = regionChildren('610000')
    expect(cities).toHaveLength(10)
    expect(cities[0]).toEqual({ code: '610100', name: '西安市' })
    const xian = regionChildren('610100')
    expect(xian.map((d) => d.name)).toEqual(['新城区', '碑林区', '莲湖区', '灞桥区', '未央区', '雁塔区', '阎良区', '临潼区', '长安区', '高陵区', '鄠邑区', '蓝田县', '周至县'])
    expect(regionChildren('310100')).toHaveLength(16)
    expect(regionChildren('410000')).toEqual([])
    // Every county Huzhu names parses back to itself, with its city.
    for (const city of cities) {
      for (const district of regionChildren(city.code)) expect(parseRegionCode(district.code)).toMatchObject({ ok: true, value: { city: city.name, district: district.name } })
    }
  })
})
