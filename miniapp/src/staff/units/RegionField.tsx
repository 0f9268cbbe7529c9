import { Text, View } from '@tarojs/components'
import { message, parseRegionCode, provinces, regionChildren, regionLabel, unitsUi } from '@huzhu/shared'
import { Chips } from '../components/Chips'
import { Field, TextInput } from '../components/Field'

/** Provinces whose cities and districts Huzhu names: they get a chooser; any other is typed as its code. */
const listedProvinces = provinces().filter((p) => regionChildren(p.code).length > 0)

/**
 * The unit's region as a GB/T 2260 code: typed (6 digits), or chosen province →
 * city → district where Huzhu has the names. Under the field: the region's
 * name as the code is read, or why the code is wrong (the shared check).
 */
export function RegionField({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const parsed = value.trim() === '' ? null : parseRegionCode(value)
  const code = parsed?.ok ? parsed.value.code : ''
  const province = listedProvinces.find((p) => p.code.slice(0, 2) === code.slice(0, 2))
  const cities = province ? regionChildren(province.code) : []
  // A municipality lists its districts under one 市辖区: no city to choose.
  const city = cities.length === 1 ? cities[0] : cities.find((c) => c.code.slice(0, 4) === code.slice(0, 4) && code.slice(2, 4) !== '00')
  const districts = city ? regionChildren(city.code) : []
  return (
    <Field label={unitsUi.region}>
      <TextInput id='unit-region-code' type='digit' value={value} onChange={onChange} placeholder={unitsUi.regionCodePlaceholder} />
      {parsed && !parsed.ok && <Text id='unit-region-check' className='staff-error-text'>{message(parsed.code, parsed.params)}</Text>}
      {parsed?.ok && <Text id='unit-region-check' className='staff-muted'>{regionLabel(parsed.value)}</Text>}
      <Text className='staff-muted'>{unitsUi.regionProvince}</Text>
      <Chips idPrefix='unit-region-province' options={listedProvinces.map((p) => ({ value: p.code, label: p.name }))} selected={province ? [province.code] : []} onChange={([v]) => v && onChange(v)} />
      {cities.length > 1 && (
        <>
          <Text className='staff-muted'>{unitsUi.regionCity}</Text>
          <Chips idPrefix='unit-region-city' options={cities.map((c) => ({ value: c.code, label: c.name }))} selected={city ? [city.code] : []} onChange={([v]) => v && onChange(v)} />
        </>
      )}
      {districts.length > 0 && (
        <>
          <Text className='staff-muted'>{unitsUi.regionDistrict}</Text>
          <Chips idPrefix='unit-region-district' options={districts.map((d) => ({ value: d.code, label: d.name }))} selected={districts.some((d) => d.code === code) ? [code] : []} onChange={([v]) => v && onChange(v)} />
        </>
      )}
      <View>
        <Text className='staff-muted'>{unitsUi.regionUnlisted}</Text>
      </View>
    </Field>
  )
}
