import { Text } from '@tarojs/components'
import { fillTemplate, formatFen, fundingSourceLabels, fundingSources, unitAnnualPremiumFen, unitsUi, type Catalogue, type FundingSource } from '@huzhu/shared'
import { ChipsField } from '../components/Chips'
import { TextField } from '../components/Field'
import type { UnitFormValues } from './unit-form'

/** Who pays the unit's members, and for a split each payer's share of the full-year premium (in yuan). */
export function FundingFields({ values, catalogue, onChange }: {
  values: UnitFormValues
  catalogue: Catalogue | null
  onChange: (next: Partial<UnitFormValues>) => void
}) {
  const premium = catalogue && values.products.length > 0 ? unitAnnualPremiumFen(catalogue, values.products) : null
  const setShare = (payer: keyof UnitFormValues['split']) => (text: string) => onChange({ split: { ...values.split, [payer]: text } })
  return (
    <>
      <ChipsField
        label={unitsUi.funding}
        idPrefix='unit-funding'
        options={fundingSources.map((f) => ({ value: f, label: fundingSourceLabels[f] }))}
        selected={[values.fundingSource]}
        onChange={([v]) => v && onChange({ fundingSource: v as FundingSource })}
      />
      {values.fundingSource === 'split' && (
        <>
          {premium !== null && <Text id='unit-split-premium' className='staff-muted'>{fillTemplate(unitsUi.split.premium, { premium: formatFen(premium) })}</Text>}
          <TextField id='unit-split-union' type='digit' label={unitsUi.split.union} value={values.split.union} onChange={setShare('union')} />
          <TextField id='unit-split-unit' type='digit' label={unitsUi.split.unit} value={values.split.unit} onChange={setShare('unit')} />
          <TextField id='unit-split-member' type='digit' label={unitsUi.split.member} value={values.split.member} onChange={setShare('member')} />
        </>
      )}
    </>
  )
}
