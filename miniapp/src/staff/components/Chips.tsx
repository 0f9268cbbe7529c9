import { Text, View } from '@tarojs/components'
import { Field } from './Field'

export interface ChipOption {
  value: string
  label: string
}

/** A row of tappable choices: one (`multiple` false) or several. Each has the id `${idPrefix}-${value}`. */
export function Chips({ idPrefix, options, selected, onChange, multiple = false }: {
  idPrefix: string
  options: readonly ChipOption[]
  selected: readonly string[]
  onChange: (selected: string[]) => void
  multiple?: boolean
}) {
  const toggle = (value: string) => {
    if (!multiple) return onChange([value])
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value])
  }
  return (
    <View className='staff-row' role={multiple ? 'group' : 'radiogroup'}>
      {options.map((option) => {
        const on = selected.includes(option.value)
        return (
          <View
            key={option.value}
            id={`${idPrefix}-${option.value}`}
            className={`staff-chip${on ? ' staff-chip--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => toggle(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** A labelled row of choices (a form field whose answer is a chip or several). */
export function ChipsField({ label, ...chips }: Parameters<typeof Chips>[0] & { label: string }) {
  return (
    <Field label={label}>
      <Chips {...chips} />
    </Field>
  )
}
