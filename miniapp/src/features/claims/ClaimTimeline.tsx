import { Text, View } from '@tarojs/components'
import { ui, type Claim } from '@huzhu/shared'
import { formatInstantDate } from '../../lib/format'
import './claims.scss'

/** The claim's steps, oldest first, each with its date and the reviewer's note; the current one stands out. */
export function ClaimTimeline({ history }: { history: Claim['history'] }) {
  const steps = [...history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  return (
    <View id='claim-timeline' className='timeline'>
      {steps.map((step, i) => (
        <View key={`${step.at}-${i}`} id={`claim-step-${i}`} className={`timeline__step${i === steps.length - 1 ? ' is-current' : ''}`}>
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className={`timeline__status timeline__status--${step.status}`}>{ui.claimStatus[step.status]}</Text>
            <Text className='timeline__date'>{formatInstantDate(step.at)}</Text>
            {step.note && <Text className='hint'>{step.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
