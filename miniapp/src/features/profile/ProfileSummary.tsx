import { Text, View } from '@tarojs/components'
import { fillTemplate, maskIdNumber, maskMobile, occupationLabels, sexLabels, ui, type ProfileResponse } from '@huzhu/shared'
import './profile.scss'

/**
 * The saved profile, the ID number and mobile masked even to the member (someone may be looking over a
 * shoulder); so the birth date shows its year only: beside the masked number the full date would give it away.
 */
export function ProfileSummary({ profile }: { profile: ProfileResponse }) {
  const rows: [string, string, string][] = [
    ['profile-summary-name', ui.profile.name, profile.name],
    ['profile-summary-id', ui.profile.idMasked, maskIdNumber(profile.idNumber)],
    ['profile-summary-sex', ui.profile.sex, sexLabels[profile.sex]],
    ['profile-summary-birth', ui.profile.birthYear, fillTemplate(ui.date.year, { year: profile.birthDate.slice(0, 4) })],
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
