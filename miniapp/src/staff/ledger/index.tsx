import { View } from '@tarojs/components'
import { StaffGate } from '../components/StaffGate'
import { LedgerDesk } from './LedgerDesk'
import '../staff.scss'
import './index.scss'

/** The union's accounts (财务): premiums received, refunds and claims paid per day, catalogue and funding source. */
export default function LedgerPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='ledger'>{() => <LedgerDesk />}</StaffGate>
    </View>
  )
}
