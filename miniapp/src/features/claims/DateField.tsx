import { Picker, View } from '@tarojs/components'
import { ui } from '@huzhu/shared'
import { formatDate } from '../../lib/format'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** A date field: the mini-program's date picker, the browser's own date input in H5. */
export function DateField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  if (isWeapp) {
    return (
      <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View id='claim-date' className='field__input claim-date'>{value ? formatDate(value) : ui.common.choose}</View>
      </Picker>
    )
  }
  return <input id='claim-date' className='field__input' type='date' value={value} onChange={(e) => onChange(e.target.value)} />
}
