import { View } from '@tarojs/components'
import { StaffGate } from '../components/StaffGate'
import { DashboardDesk } from './DashboardDesk'
import '../staff.scss'
import './index.scss'

/** The office's indicators (统计看板): coverage, enrolments, premiums, claims, time to pay, loss ratio, adverse selection. */
export default function DashboardPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='dashboard'>{(me) => <DashboardDesk me={me} />}</StaffGate>
    </View>
  )
}
