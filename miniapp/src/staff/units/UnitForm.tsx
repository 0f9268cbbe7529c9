import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { message, occupationLabels, occupations, parseCreditCode, unitsUi, type Occupation, type UnitDetail } from '@huzhu/shared'
import { fetchCatalogueSummaries, getCatalogue } from '../../api'
import { useLoad } from '../../lib/use-api'
import { ChipsField } from '../components/Chips'
import { Field, SubmitRow, TextField, TextInput } from '../components/Field'
import { useSubmit } from '../lib/use-submit'
import { FundingFields } from './FundingFields'
import { RegionField } from './RegionField'
import { checkUnitForm, formValuesOf, type UnitFormField, type UnitFormValues } from './unit-form'
import { createUnit, saveUnit } from './units-api'

const NONE = 'none'

function Problems({ field, problems }: { field: UnitFormField; problems: { field: UnitFormField; message: string }[] }) {
  const mine = problems.filter((p) => p.field === field)
  if (mine.length === 0) return null
  return (
    <View id={`unit-problem-${field}`} className='units-problems'>
      {mine.map((p, i) => <Text key={i} className='staff-error-text'>{p.message}</Text>)}
    </View>
  )
}

/** The credit code as typed, checked by its check character as it is typed. */
function CreditCodeField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const parsed = value.trim() === '' ? null : parseCreditCode(value)
  return (
    <Field label={unitsUi.creditCode}>
      <TextInput id='unit-credit-code' value={value} onChange={onChange} placeholder={unitsUi.creditCodePlaceholder} />
      {parsed && !parsed.ok && <Text id='unit-credit-code-check' className='staff-error-text'>{message(parsed.code, parsed.params)}</Text>}
      {parsed?.ok && <Text id='unit-credit-code-check' className='staff-tag staff-tag--ok'>{unitsUi.creditCodeOk}</Text>}
    </Field>
  )
}

/**
 * Creates a unit (`unit` null) or edits one: its profile, its standing
 * selection and who pays. Every field is checked as the server checks it
 * (the shared checkers); a problem is shown under its field, and nothing is
 * sent until there is none.
 */
export function UnitForm({ unit, onSaved }: { unit: UnitDetail | null; onSaved: (unit: UnitDetail) => void }) {
  const [values, setValues] = useState<UnitFormValues>(() => formValuesOf(unit))
  const [tried, setTried] = useState(false)
  const { busy, error, run, fail } = useSubmit()
  const set = (next: Partial<UnitFormValues>) => setValues((v) => ({ ...v, ...next }))

  const catalogues = useLoad(fetchCatalogueSummaries, [])
  const catalogue = useLoad(getCatalogue, values.catalogueId ? [values.catalogueId] : null, { keep: true })
  const loaded = catalogue.status === 'ready' ? catalogue.value : null
  const check = checkUnitForm(values, loaded)
  // The selection rules answer each tap; the other problems show once the person tried to send
  // (the credit code and the region answer as they are typed, under their fields).
  const shown = tried ? check.problems : check.problems.filter((p) => p.field === 'products')

  const submit = async () => {
    setTried(true)
    if (!check.record) return fail(check.problems[0]!.message)
    const record = check.record
    await run(async () => onSaved(unit ? await saveUnit(unit.id, record) : await createUnit(record)))
  }

  return (
    <View id='unit-form' className='staff-card'>
      <Text className='staff-card__title'>{unit ? unitsUi.edit : unitsUi.create}</Text>
      <Text className='staff-field__label units-section'>{unitsUi.sections.profile}</Text>
      <TextField id='unit-name' label={unitsUi.name} value={values.name} onChange={(name) => set({ name })} placeholder={unitsUi.namePlaceholder} />
      <Problems field='name' problems={shown} />
      <CreditCodeField value={values.creditCode} onChange={(creditCode) => set({ creditCode })} />
      <RegionField value={values.regionCode} onChange={(regionCode) => set({ regionCode })} />
      <ChipsField
        label={unitsUi.industry}
        idPrefix='unit-industry'
        options={[{ value: NONE, label: unitsUi.noIndustry }, ...occupations.map((o) => ({ value: o, label: occupationLabels[o] }))]}
        selected={[values.industry ?? NONE]}
        onChange={([v]) => set({ industry: !v || v === NONE ? null : (v as Occupation) })}
      />
      <TextField id='unit-headcount' type='number' label={unitsUi.headcount} value={values.headcount} onChange={(headcount) => set({ headcount })} placeholder={unitsUi.headcountPlaceholder} />
      <Problems field='headcount' problems={shown} />

      <Text className='staff-field__label units-section'>{unitsUi.sections.selection}</Text>
      <ChipsField
        label={unitsUi.catalogue}
        idPrefix='unit-catalogue'
        options={[{ value: NONE, label: unitsUi.noCatalogue }, ...(catalogues.status === 'ready' ? catalogues.value.map((c) => ({ value: c.id, label: c.name })) : [])]}
        selected={[values.catalogueId ?? NONE]}
        onChange={([v]) => set({ catalogueId: !v || v === NONE ? null : v, products: [] })}
      />
      {loaded && (
        <ChipsField
          label={unitsUi.products}
          idPrefix='unit-product'
          multiple
          options={loaded.data.products.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
          selected={values.products}
          onChange={(products) => set({ products })}
        />
      )}
      <Problems field='products' problems={shown} />

      <Text className='staff-field__label units-section'>{unitsUi.sections.funding}</Text>
      <FundingFields values={values} catalogue={loaded} onChange={set} />
      <Problems field='fundingSplit' problems={shown} />

      <SubmitRow id='unit-submit' errorId='unit-form-error' error={error} busy={busy} label={unit ? unitsUi.submitEdit : unitsUi.submitCreate} onSubmit={() => void submit()} />
    </View>
  )
}
