import { View } from '@tarojs/components'
import { StaffGate } from '../components/StaffGate'
import { CardCheck } from './CardCheck'
import '../staff.scss'
import './index.scss'

/** Card check: scan a member's card, verdict within a second. */
export default function CardCheckPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='check'>{() => <CardCheck />}</StaffGate>
    </View>
  )
}
