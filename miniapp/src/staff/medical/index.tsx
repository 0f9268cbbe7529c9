import { View } from '@tarojs/components'
import { StaffGate } from '../components/StaffGate'
import { MedicalRecordsPanel } from './MedicalRecordsPanel'
import '../staff.scss'
import './index.scss'

/** Office staff: import the medical-insurance settlement records the claims are checked against. */
export default function MedicalRecordsPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='medical'>
        {() => (
          <View id='medical-desk' className='staff-wrap'>
            <MedicalRecordsPanel />
          </View>
        )}
      </StaffGate>
    </View>
  )
}
