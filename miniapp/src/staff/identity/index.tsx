import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { fillTemplate, message, normaliseIdNumber, parseIdNumber, staffUi, ui, type MemberSearchResult } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { idFieldError } from '../../lib/id-field'
import { useToday } from '../../lib/today'
import { Field } from '../components/Field'
import { StaffGate } from '../components/StaffGate'
import { searchMembersByIdNumber, verifyIdentity } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'
import { AccountCard, loginPhoneOf } from './AccountCard'
import '../staff.scss'
import './index.scss'

/** What the last search found: every account whose profile holds the number (masked by the server). */
interface Found {
  members: MemberSearchResult[]
}

/** The account just verified, for the notice that says what it now sees. */
interface Verified {
  userId: string
  phone: string
  idNumber: string
}

function Results({ found, verified, onVerified }: { found: Found; verified: Verified | null; onVerified: (account: MemberSearchResult) => void }) {
  const [busy, setBusy] = useState<string | null>(null)
  const [failure, setFailure] = useState<{ userId: string; message: string } | null>(null)

  const verify = async (account: MemberSearchResult) => {
    const answer = await Taro.showModal({
      title: staffUi.identity.confirmTitle,
      content: fillTemplate(staffUi.identity.confirmText, { name: account.name, phone: loginPhoneOf(account), idNumber: account.idNumber }),
      confirmText: staffUi.identity.confirm,
      cancelText: ui.common.cancel,
    })
    if (!answer.confirm) return
    setBusy(account.userId)
    setFailure(null)
    try {
      await verifyIdentity(account.userId)
      onVerified(account)
    } catch (error) {
      setFailure({ userId: account.userId, message: errorMessage(error) })
    } finally {
      setBusy(null)
    }
  }

  const { members } = found
  if (members.length === 0) return <Text id='identity-none' className='identity-none'>{staffUi.identity.none}</Text>
  return (
    <View id='identity-results' className='identity-results' data-count={members.length}>
      <Text id='identity-found' className='staff-muted'>{fillTemplate(staffUi.identity.found, { count: members.length })}</Text>
      {members.length > 1 && <Text id='identity-several' className='identity-several'>{staffUi.identity.several}</Text>}
      {verified && (
        <Text id='identity-verified' className='identity-verified' data-user-id={verified.userId}>
          {fillTemplate(staffUi.identity.verified, { phone: verified.phone, idNumber: verified.idNumber })}
        </Text>
      )}
      {members.map((account) => (
        <AccountCard
          key={account.userId}
          account={account}
          busy={busy !== null}
          error={failure?.userId === account.userId ? failure.message : null}
          onVerify={() => void verify(account)}
        />
      ))}
    </View>
  )
}

/**
 * A rider whose unit registered an old phone (or who signed up with another)
 * sees no cover. Staff type the number from the ID card in hand (checked as it
 * is typed), find every account whose profile holds it, ask the rider which
 * login phone is theirs, and verify that one: it then sees and claims on the
 * cover (DOMAIN.md, "Identity"; the server audits the search and the check).
 */
function IdentityDesk() {
  const today = useToday()
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<Found | null>(null)
  const [verified, setVerified] = useState<Verified | null>(null)
  const { busy, error, run, fail } = useSubmit()
  const fieldError = idFieldError(typed, today)

  const onType = (value: string) => {
    setTyped(value)
    // What was found belongs to the number searched: another number, another search.
    setFound(null)
    setVerified(null)
    fail(null)
  }

  const search = () => {
    const parsed = parseIdNumber(normaliseIdNumber(typed), today)
    if (!parsed.ok) {
      fail(message(parsed.code, parsed.params))
      return
    }
    void run(async () => {
      setFound(null)
      setVerified(null)
      setFound({ members: await searchMembersByIdNumber(parsed.value.value) })
    })
  }

  const onVerified = (account: MemberSearchResult) => {
    setVerified({ userId: account.userId, phone: loginPhoneOf(account), idNumber: account.idNumber })
    setFound((current) => current && { members: current.members.map((m) => (m.userId === account.userId ? { ...m, linked: true } : m)) })
  }

  return (
    <View id='identity-desk' className='staff-wrap identity-desk'>
      <View className='staff-card'>
        <Text className='staff-card__title'>{staffUi.entries.identity}</Text>
        <Text className='staff-muted'>{staffUi.identity.intro}</Text>
        <Field label={staffUi.identity.idNumber}>
          <View className='staff-row identity-search'>
            <Input
              id='identity-id-number'
              className={`staff-input identity-search__input${fieldError ? ' identity-search__input--error' : ''}`}
              type='idcard'
              maxlength={18}
              value={typed}
              placeholder={staffUi.identity.idPlaceholder}
              confirmType='search'
              onInput={(e) => onType(e.detail.value)}
              onConfirm={search}
            />
            <Button id='identity-search' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={search}>
              {staffUi.identity.search}
            </Button>
          </View>
          {fieldError && <Text id='identity-id-number-error' className='staff-error-text'>{fieldError}</Text>}
        </Field>
        {error && <Text id='identity-error' className='staff-error-text'>{error}</Text>}
      </View>
      {found && (
        <View className='staff-card'>
          <Results found={found} verified={verified} onVerified={onVerified} />
        </View>
      )}
    </View>
  )
}

/** Staff page: verify, with the ID card in hand, that an account is the rider it names. */
export default function IdentityPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='identity'>{() => <IdentityDesk />}</StaffGate>
    </View>
  )
}
