import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, message, parseMobile, ui, unitsUi, type UnitAdminInvitation } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { formatInstantDate } from '../../lib/format'
import { useLoad } from '../../lib/use-api'
import { SubmitRow, TextField } from '../components/Field'
import { useSubmit } from '../lib/use-submit'
import { fetchInvitations, inviteUnitAdmin, withdrawInvitation } from './units-api'

function InvitationRow({ invitation, onWithdraw }: { invitation: UnitAdminInvitation; onWithdraw: () => void }) {
  const granted = invitation.status === 'granted'
  return (
    <View id={`unit-invitation-${invitation.id}`} className='units-invitation'>
      <View className='staff-row'>
        <Text className='units-invitation__phone'>{invitation.phoneMasked}</Text>
        <Text className={`staff-tag${granted ? ' staff-tag--ok' : ''} units-invitation__status`}>{unitsUi.invitations.status[invitation.status]}</Text>
      </View>
      <Text className='staff-muted'>
        {granted && invitation.grantedAt
          ? fillTemplate(unitsUi.invitations.grantedAt, { at: formatInstantDate(invitation.grantedAt) })
          : fillTemplate(unitsUi.invitations.invitedAt, { at: formatInstantDate(invitation.createdAt) })}
      </Text>
      {!granted && (
        <Button id={`unit-invitation-withdraw-${invitation.id}`} className='staff-button staff-button--small' onClick={onWithdraw}>
          {unitsUi.invitations.withdraw}
        </Button>
      )}
    </View>
  )
}

/** The unit's admins invited by phone, each with its status; a new invitation; withdrawing a pending one. */
export function UnitInvitations({ unitId }: { unitId: string }) {
  const [phone, setPhone] = useState('')
  const { busy, error, run, fail } = useSubmit()
  const list = useLoad(fetchInvitations, [unitId])
  const refresh = list.retry

  const invite = async () => {
    const parsed = parseMobile(phone)
    if (!parsed.ok) return fail(message(parsed.code))
    await run(async () => {
      await inviteUnitAdmin(unitId, parsed.value)
      setPhone('')
      refresh()
    })
  }
  const withdraw = async (invitation: UnitAdminInvitation) => {
    const answer = await Taro.showModal({
      title: unitsUi.invitations.withdrawTitle,
      content: fillTemplate(unitsUi.invitations.withdrawConfirm, { phone: invitation.phoneMasked }),
      confirmText: ui.common.confirm,
      cancelText: ui.common.cancel,
    })
    if (!answer.confirm) return
    await run(async () => {
      await withdrawInvitation(unitId, invitation.id)
      refresh()
    })
  }

  return (
    <View id='unit-invitations' className='staff-card'>
      <Text className='staff-card__title'>{unitsUi.invitations.title}</Text>
      <Text className='staff-muted'>{unitsUi.invitations.hint}</Text>
      {list.status === 'loading' && <LoadingState id='unit-invitations-loading' />}
      {list.status === 'error' && <ErrorState id='unit-invitations-error' message={list.message} onRetry={refresh} />}
      {list.status === 'ready' && list.value.length === 0 && <Text id='unit-invitations-empty' className='staff-muted'>{unitsUi.invitations.empty}</Text>}
      {list.status === 'ready' && list.value.map((invitation) => (
        <InvitationRow key={invitation.id} invitation={invitation} onWithdraw={() => void withdraw(invitation)} />
      ))}
      <TextField id='unit-invite-phone' type='number' label={unitsUi.invitations.phone} value={phone} onChange={setPhone} placeholder={unitsUi.invitations.phonePlaceholder} />
      <SubmitRow id='unit-invite' errorId='unit-invite-error' error={error} busy={busy} label={unitsUi.invitations.invite} onSubmit={() => void invite()} />
    </View>
  )
}
