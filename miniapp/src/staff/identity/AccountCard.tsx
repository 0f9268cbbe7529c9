import { Button, Text, View } from '@tarojs/components'
import { staffUi, type MemberSearchResult } from '@huzhu/shared'
import { InfoLine } from '../components/InfoLine'
import { chinaTime } from '../lib/format'

/** The account's login phone as staff read it out to the rider: masked, or "WeChat only". */
export function loginPhoneOf(account: MemberSearchResult): string {
  return account.loginPhoneMasked ?? staffUi.identity.wechatOnly
}

/**
 * One account whose real-name profile holds the number on the ID card: who it
 * says it is, the phone it logs in with (what staff ask the rider), when the
 * profile was made, and whether it is already linked to that person's cover;
 * the button to verify it as the rider's own, and why that failed, if it did.
 */
export function AccountCard({ account, busy, error, onVerify }: {
  account: MemberSearchResult
  busy: boolean
  error: string | null
  onVerify: () => void
}) {
  const id = `identity-account-${account.userId}`
  return (
    <View id={id} className={`identity-account${account.linked ? ' identity-account--linked' : ''}`} data-linked={account.linked ? 'true' : 'false'}>
      <View className='identity-account__head'>
        <Text className='identity-account__name'>{account.name}</Text>
        <Text id={`${id}-state`} className={`staff-tag${account.linked ? ' staff-tag--ok' : ''}`}>
          {account.linked ? staffUi.identity.linked : staffUi.identity.notLinked}
        </Text>
      </View>
      <InfoLine id={`${id}-login-phone`} label={staffUi.identity.loginPhone} value={loginPhoneOf(account)} />
      <InfoLine id={`${id}-profile-mobile`} label={staffUi.identity.profileMobile} value={account.mobile} />
      <InfoLine id={`${id}-made`} label={staffUi.identity.profileMade} value={chinaTime(account.profileCreatedAt)} />
      {error && <Text id={`${id}-error`} className='staff-error-text'>{error}</Text>}
      {!account.linked && (
        <Button id={`${id}-verify`} className='staff-button staff-button--primary' disabled={busy || undefined} onClick={onVerify}>
          {staffUi.identity.verify}
        </Button>
      )}
    </View>
  )
}
