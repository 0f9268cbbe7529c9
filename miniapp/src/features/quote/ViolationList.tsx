import { Text, View } from '@tarojs/components'
import type { RuleViolation } from '@huzhu/shared'
import './quote.scss'

/** Broken rules, each in the engine's own Chinese sentence. */
export function ViolationList({ id, violations }: { id: string; violations: readonly RuleViolation[] }) {
  if (violations.length === 0) return null
  return (
    <View id={id} className='violations'>
      {violations.map((v) => (
        <Text key={`${v.rule}-${v.product ?? ''}`} className={`violation violation--${v.rule}`}>
          {v.message}
        </Text>
      ))}
    </View>
  )
}
