import { View } from '@tarojs/components'
import { PlansScreen } from '../../features/plans/PlansScreen'
import './index.scss'

export default function PlansPage() {
  return (
    <View className='page page-plans'>
      <PlansScreen />
    </View>
  )
}
