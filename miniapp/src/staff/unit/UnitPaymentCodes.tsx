import { Text, View } from '@tarojs/components'
import { bankStatementUi, fillTemplate, formatYuan } from '@huzhu/shared'
import { useLoad } from '../../lib/use-api'
import { fetchUnitPaymentCodes } from '../payments/bank-statement-api'

/**
 * What the unit has to pay by bank transfer, each with the payment code its
 * memo must carry: a roster paid as a whole, or one enrolment (a new hire, a
 * member paying their own). Nothing when nothing is pending; read again with
 * the unit (a roster imported, a payment made).
 */
export function UnitPaymentCodes({ unitId }: { unitId: string }) {
  const codes = useLoad(fetchUnitPaymentCodes, [unitId])
  if (codes.status !== 'ready' || codes.value.length === 0) return null
  const t = bankStatementUi.unit
  return (
    <View id='unit-payment-codes' className='unit-payment-codes'>
      <Text className='staff-field__label'>{t.title}</Text>
      <Text className='staff-muted'>{t.intro}</Text>
      {codes.value.map((c) => (
        <View key={c.code} id={`unit-payment-code-${c.code}`} className='unit-payment-code' data-code={c.code} data-amount={c.amountFen}>
          <Text className='unit-payment-code__code' userSelect>{c.code}</Text>
          <Text className='unit-payment-code__label'>{c.label}</Text>
          <Text className='unit-payment-code__amount'>{fillTemplate(t.amount, { amount: formatYuan(c.amountFen), count: c.enrolmentCount })}</Text>
        </View>
      ))}
    </View>
  )
}
