import { Text, View } from '@tarojs/components'
import { formatYuan, ui, type PayoutEstimateResponse } from '@huzhu/shared'
import './claims.scss'

type PayoutLine = PayoutEstimateResponse['lines'][number]

/** A part's Chinese name; a part the app does not know is left out rather than shown as a code. */
function partName(part: string | null): string | null {
  return part !== null && Object.prototype.hasOwnProperty.call(ui.payoutPart, part) ? ui.payoutPart[part as keyof typeof ui.payoutPart] : null
}

/** Every payout line: which product, which benefit, how much, and the engine's reason in plain Chinese. */
export function PayoutLines({ id, lines, total, totalLabel }: { id: string; lines: readonly PayoutLine[]; total: number; totalLabel: string }) {
  return (
    <View id={id} className='payout'>
      {lines.map((line, i) => (
        <View key={i} id={`${id}-line-${i}`} className={`payout__line${line.refusal ? ' is-refused' : ''}`}>
          <View className='row'>
            <Text className='payout__name'>{[line.productName, line.benefitName, partName(line.part)].filter(Boolean).join(' · ')}</Text>
            <Text className='row__value payout__amount'>{formatYuan(line.amountFen)}</Text>
          </View>
          <Text className='hint'>{line.reason}</Text>
        </View>
      ))}
      <View className='row payout__total'>
        <Text>{totalLabel}</Text>
        <Text id={`${id}-total`} className='row__value payout__total-amount'>{formatYuan(total)}</Text>
      </View>
    </View>
  )
}
