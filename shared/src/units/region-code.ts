import { toHalfWidth } from '../text'
import { provinceNames, provincesListedInFull, provincesWithoutSubdivisions, subdivisionNames } from './regions'

/**
 * A unit's region as a GB/T 2260 code: six digits, two for the province, two
 * for the prefecture (城市), two for the county-level division (区县); a
 * province is `610000`, a city `610100`, a district `610103`.
 *
 * Checked on its structure everywhere: a known province (one of the 34), and
 * no county without a prefecture. Where Huzhu lists a province in full
 * (Shaanxi, Shanghai: `regions.ts`) the city and district must be real ones
 * too; elsewhere only the province is named.
 */

export type RegionLevel = 'province' | 'city' | 'district'

export interface Region {
  code: string
  level: RegionLevel
  province: string
  /** The prefecture's name; null for a province, or where Huzhu has no names. */
  city: string | null
  /** The county-level division's name; null above district level, or where Huzhu has no names. */
  district: string | null
  /** True when every level of the code is named. */
  named: boolean
}

export type RegionCodeErrorCode = 'region_code_required' | 'region_code_format' | 'region_code_province_unknown' | 'region_code_structure' | 'region_code_unknown'

export type RegionCodeResult =
  | { ok: true; value: Region }
  | { ok: false; code: RegionCodeErrorCode; params?: Record<string, string | number> }

/** Checks a region code as typed (full-width digits and spaces accepted). Never throws. */
export function parseRegionCode(input: unknown): RegionCodeResult {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, code: 'region_code_required' }
  const code = toHalfWidth(input).replace(/\s/g, '')
  if (!/^\d{6}$/.test(code)) return { ok: false, code: 'region_code_format' }
  const provinceCode = code.slice(0, 2)
  const province = provinceNames[provinceCode]
  if (province === undefined) return { ok: false, code: 'region_code_province_unknown', params: { province: provinceCode } }
  const cityPart = code.slice(2, 4)
  const districtPart = code.slice(4, 6)
  if (cityPart === '00' && districtPart !== '00') return { ok: false, code: 'region_code_structure' }
  const level: RegionLevel = cityPart === '00' ? 'province' : districtPart === '00' ? 'city' : 'district'
  if (level === 'province') return { ok: true, value: { code, level, province, city: null, district: null, named: true } }

  const cityCode = `${code.slice(0, 4)}00`
  const city = subdivisionNames.get(cityCode) ?? null
  const district = level === 'district' ? subdivisionNames.get(code) ?? null : null
  const named = city !== null && (level === 'city' || district !== null)
  const listed = provincesListedInFull.has(provinceCode) || provincesWithoutSubdivisions.has(provinceCode)
  if (listed && !named) return { ok: false, code: 'region_code_unknown', params: { province, code } }
  return { ok: true, value: { code, level, province, city, district, named } }
}

/**
 * A region as people write it: `陕西省西安市碑林区`, `上海市浦东新区` (a
 * municipality's 市辖区 is left out), or, where Huzhu has no names below the
 * province, `河南省（410105）`.
 */
export function regionLabel(region: Region): string {
  const parts = [region.province, region.city === '市辖区' ? null : region.city, region.district].filter((p): p is string => p !== null)
  return region.named ? parts.join('') : `${parts.join('')}（${region.code}）`
}

/** The label of a stored code, or the code itself when it no longer parses. */
export function regionLabelOf(code: string): string {
  const parsed = parseRegionCode(code)
  return parsed.ok ? regionLabel(parsed.value) : code
}
