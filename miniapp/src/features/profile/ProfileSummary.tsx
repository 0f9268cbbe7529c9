import { Text, View } from '@tarojs/components'
import { maskIdNumber, maskMobile, occupationLabels, sexLabels, ui, type ProfileResponse } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import './profile.scss'

/** The saved profile, the ID number and mobile masked even to the member (someone may be looking over a shoulder). */
export function ProfileSummary({ profile }: { profile: ProfileResponse }) {
  const rows: [string, string, string][] = [
    ['profile-summary-name', ui.profile.name, profile.name],
    ['profile-summary-id', ui.profile.idMasked, maskIdNumber(profile.idNumber)],
    ['profile-summary-sex', ui.profile.sex, sexLabels[profile.sex]],
    ['profile-summary-birth', ui.profile.birthDate, formatDate(profile.birthDate)],
    ['profile-summary-mobile', ui.profile.mobile, maskMobile(profile.mobile)],
    ['profile-summary-occupation', ui.profile.occupation, occupationLabels[profile.occupation]],
    ['profile-summary-platform', ui.profile.platform, profile.platform],
    ['profile-summary-insurance', ui.profile.medicalInsurance, profile.basicMedicalInsurance ? ui.profile.yes : ui.profile.no],
    ['profile-summary-union', ui.profile.unionMember, profile.unionMember ? ui.profile.yes : ui.profile.no],
  ]
  return (
    <View id='profile-summary' className='card'>
      <Text className='card__title'>{ui.profile.title}</Text>
      {rows.map(([id, label, value]) => (
        <View key={id} className='row'>
          <Text className='row__label'>{label}</Text>
          <Text id={id} className='row__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
