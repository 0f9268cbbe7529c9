import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, parseMobile, message, staffPageTitles, staffUi, ui, usersUi, type GrantableRole, type MeResponse, type RoleGrant, type UserSummary } from '@huzhu/shared'
import { ApiError, errorMessage } from '../../api/errors'
import { useLoad } from '../../lib/use-api'
import { Field, TextInput } from '../components/Field'
import { StaffGate } from '../components/StaffGate'
import { fetchUser, lookupUser, revokeUserRole } from '../lib/admin-api'
import { fetchUnits } from '../lib/staff-api'
import { param } from '../lib/staff-routes'
import { useSubmit } from '../lib/use-submit'
import { GrantForm } from './GrantForm'
import { grantLabel, UserCard } from './UserCard'
import '../staff.scss'
import './users.scss'

/**
 * The admin finds an account by the phone it signs in with (sent in a POST
 * body, never in a URL), sees its roles, grants one more or revokes one
 * (never their own admin role), and opens its audit trail.
 */
function UsersDesk({ me }: { me: MeResponse }) {
  const openedId = param(useRouter().params, 'userId')
  const [phone, setPhone] = useState('')
  const [user, setUser] = useState<UserSummary | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [revokeError, setRevokeError] = useState<string | null>(null)
  const [busyGrant, setBusyGrant] = useState<string | null>(null)
  const { busy, error, run, fail } = useSubmit()
  const units = useLoad(fetchUnits, [])
  const unitList = units.status === 'ready' ? units.value : []
  // Opened from a link with the account's id (never its phone).
  const opened = useLoad(fetchUser, openedId ? [openedId] : null)
  const shown = user ?? (opened.status === 'ready' ? opened.value : null)

  const find = () => {
    const parsed = parseMobile(phone)
    if (!parsed.ok) return fail(message(parsed.code))
    void run(async () => {
      setUser(null)
      setNotice(null)
      setRevokeError(null)
      try {
        setUser(await lookupUser(parsed.value))
      } catch (failure) {
        if (failure instanceof ApiError && failure.status === 404) throw new ApiError('http', { status: 404, message: usersUi.notFound })
        throw failure
      }
    })
  }

  const refresh = async (account: UserSummary) => setUser(await fetchUser(account.id))

  const revoke = async (account: UserSummary, grant: RoleGrant) => {
    const label = grantLabel(grant, unitList)
    const answer = await Taro.showModal({
      title: usersUi.revokeTitle,
      content: fillTemplate(usersUi.revokeConfirm, { phone: account.phoneMasked ?? account.id, role: label }),
      confirmText: usersUi.revoke,
      cancelText: ui.common.cancel,
    })
    if (!answer.confirm) return
    setBusyGrant(grant.id)
    setRevokeError(null)
    setNotice(null)
    try {
      await revokeUserRole(account.id, grant.id)
      setNotice(fillTemplate(usersUi.revoked, { role: label }))
      await refresh(account)
    } catch (failure) {
      setRevokeError(errorMessage(failure))
    } finally {
      setBusyGrant(null)
    }
  }

  const onGranted = (account: UserSummary, role: GrantableRole) => {
    setNotice(fillTemplate(usersUi.granted, { role: staffUi.roles[role] }))
    void refresh(account).catch((failure: unknown) => setRevokeError(errorMessage(failure)))
  }

  return (
    <View id='users-desk' className='staff-wrap users-desk'>
      <View className='staff-card'>
        <Text className='staff-card__title'>{staffPageTitles.users}</Text>
        <Field label={usersUi.phone}>
          <View className='staff-row users-search'>
            <TextInput id='users-phone' className='users-search__input' type='number' value={phone} onChange={setPhone} placeholder={usersUi.phonePlaceholder} onConfirm={find} />
            <Button id='users-find' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={find}>{usersUi.find}</Button>
          </View>
        </Field>
        {error && <Text id='users-error' className='staff-error-text'>{error}</Text>}
        {!user && opened.status === 'error' && <Text id='users-open-error' className='staff-error-text'>{opened.message}</Text>}
      </View>
      {notice && <Text id='users-notice' className='users-notice'>{notice}</Text>}
      {shown && (
        <View className='staff-columns'>
          <UserCard user={shown} meId={me.id} units={unitList} busyGrant={busyGrant} error={revokeError} onRevoke={(grant) => void revoke(shown, grant)} />
          <GrantForm
            key={shown.id}
            userId={shown.id}
            held={shown.grants.filter((g) => g.role !== 'unit_admin').map((g) => g.role)}
            units={unitList}
            onGranted={(role) => onGranted(shown, role)}
          />
        </View>
      )}
    </View>
  )
}

export default function UsersPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='users'>{(me) => <UsersDesk me={me} />}</StaffGate>
    </View>
  )
}
