import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, staffUi, usersUi, type RoleGrant, type Unit, type UserSummary } from '@huzhu/shared'
import { InfoLine } from '../components/InfoLine'
import { chinaTime } from '../lib/format'
import { staffUrls } from '../lib/staff-routes'

/** A grant in words: the role, and the unit of a unit admin. */
export function grantLabel(grant: RoleGrant, units: readonly Unit[]): string {
  const role = staffUi.roles[grant.role]
  if (grant.unitId === null) return role
  return `${role} · ${fillTemplate(usersUi.unitOf, { unit: units.find((u) => u.id === grant.unitId)?.name ?? grant.unitId })}`
}

/**
 * An account as the admin sees it: masked login phone, id, whether it has a
 * profile, its roles with a revoke button each (never on one's own admin role:
 * the server refuses it too), and links to its audit trail.
 */
export function UserCard({ user, meId, units, busyGrant, error, onRevoke }: {
  user: UserSummary
  meId: string
  units: readonly Unit[]
  busyGrant: string | null
  error: string | null
  onRevoke: (grant: RoleGrant) => void
}) {
  const own = user.id === meId
  return (
    <View id='users-account' className='staff-card users-account' data-user-id={user.id}>
      <Text className='staff-card__title'>{`${user.phoneMasked ?? usersUi.wechatOnly}${own ? usersUi.you : ''}`}</Text>
      <InfoLine id='users-account-id' label={usersUi.account} value={user.id} />
      <InfoLine label={usersUi.created} value={chinaTime(user.createdAt)} />
      <InfoLine label={usersUi.profile} value={user.hasProfile ? usersUi.profileYes : usersUi.profileNo} />
      {user.disabled && <Text className='staff-tag staff-tag--error'>{usersUi.disabled}</Text>}
      <Text className='staff-field__label'>{usersUi.roles}</Text>
      {user.grants.length === 0 && <Text id='users-no-roles' className='staff-muted'>{usersUi.noRoles}</Text>}
      <View id='users-grants' className='users-grants'>
        {user.grants.map((grant) => {
          const ownAdmin = own && grant.role === 'admin'
          return (
            <View key={grant.id} id={`users-grant-${grant.id}`} className='users-grant-row' data-role={grant.role}>
              <View className='users-grant-row__what'>
                <Text className='users-grant-row__role'>{grantLabel(grant, units)}</Text>
                <Text className='staff-muted'>{fillTemplate(usersUi.grantedAt, { at: chinaTime(grant.grantedAt) })}</Text>
              </View>
              {ownAdmin
                ? <Text id={`users-grant-${grant.id}-own`} className='staff-muted'>{usersUi.ownAdmin}</Text>
                : (
                  <Button id={`users-grant-${grant.id}-revoke`} className='staff-button staff-button--small' disabled={busyGrant !== null || undefined} onClick={() => onRevoke(grant)}>
                    {usersUi.revoke}
                  </Button>
                )}
            </View>
          )
        })}
      </View>
      {error && <Text id='users-revoke-error' className='staff-error-text'>{error}</Text>}
      <View className='staff-row'>
        <Button id='users-audit-actor' className='staff-button staff-button--small' onClick={() => Taro.navigateTo({ url: staffUrls.audit({ actorUserId: user.id }) })}>
          {usersUi.auditAsActor}
        </Button>
        <Button id='users-audit-subject' className='staff-button staff-button--small' onClick={() => Taro.navigateTo({ url: staffUrls.audit({ subjectUserId: user.id }) })}>
          {usersUi.auditAsSubject}
        </Button>
      </View>
    </View>
  )
}
