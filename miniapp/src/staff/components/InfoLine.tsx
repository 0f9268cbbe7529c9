import { Text, View } from '@tarojs/components'

/** One labelled value on a read-only card (a claim's summary and figures, a card check's verdict). */
export function InfoLine({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='staff-line'>
      <Text className='staff-line__label'>{label}</Text>
      <Text id={id} className='staff-line__value'>{value}</Text>
    </View>
  )
}
