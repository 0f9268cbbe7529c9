import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { payeeUi, ui, type ProfileResponse } from '@huzhu/shared'
import { getMyProfile, hasMyProfile } from '../../api/member'
import { listPayeeAccounts } from '../../api/payee-accounts'
import { Screen } from '../../components/Screen'
import { ErrorState, LoadingState } from '../../components/StateView'
import { ConsentGate } from '../../features/consent/ConsentGate'
import { ProfileSummary } from '../../features/profile/ProfileSummary'
import { RealNameForm, type RealNameDraft } from '../../features/profile/RealNameForm'
import { returnTo, useSignedIn } from '../../lib/auth'
import { routes } from '../../lib/routes'
import { useLoad, useRevalidate } from '../../lib/use-api'

function draftOf(p: ProfileResponse): RealNameDraft {
  return {
    name: p.name, idNumber: p.idNumber, mobile: p.mobile, occupation: p.occupation, platform: p.platform,
    basicMedicalInsurance: p.basicMedicalInsurance, unionMember: p.unionMember,
  }
}

/** The profile, or null while there is none: `GET /me` says which first, so a rider without one is not answered "not found". */
async function loadProfile(): Promise<ProfileResponse | null> {
  return (await hasMyProfile()) ? getMyProfile() : null
}

function ProfileBody({ redirect }: { redirect: string | undefined }) {
  const [editing, setEditing] = useState(false)
  const state = useLoad(loadProfile, [])
  const revalidate = useRevalidate()

  if (state.status === 'loading') return <LoadingState id='profile-loading' />
  if (state.status === 'error') return <ErrorState id='profile-error' message={state.message} onRetry={state.retry} />
  const profile = state.value

  const onSaved = (p: ProfileResponse) => {
    state.set(p)
    // The pages that asked for the profile (enrolment, payee accounts: the holder's name) see it.
    void revalidate(hasMyProfile, listPayeeAccounts)
    setEditing(false)
    void Taro.showToast({ title: ui.profile.saved, icon: 'success' })
    if (redirect) returnTo(redirect)
  }

  if (profile && !editing) {
    return (
      <>
        <ProfileSummary profile={profile} />
        <View className='actions'>
          {redirect && (
            <Button id='profile-continue' type='primary' block onClick={() => returnTo(redirect)}>
              {ui.profile.continue}
            </Button>
          )}
          <Button id='profile-edit' block onClick={() => setEditing(true)}>{ui.profile.edit}</Button>
          <Button id='profile-payee-accounts' block onClick={() => void Taro.navigateTo({ url: routes.payeeAccounts })}>{payeeUi.title}</Button>
        </View>
      </>
    )
  }
  return (
    <ConsentGate kind='sensitive_personal_info'>
      <RealNameForm initial={profile ? draftOf(profile) : undefined} onSaved={onSaved} />
    </ConsentGate>
  )
}

/** 实名信息: the consent first, then the form; afterwards the profile with the ID number masked. */
export default function ProfilePage() {
  const signedIn = useSignedIn()
  const { redirect } = useRouter().params
  return (
    <Screen className='screen'>
      {signedIn && <ProfileBody redirect={redirect ? decodeURIComponent(redirect) : undefined} />}
    </Screen>
  )
}
