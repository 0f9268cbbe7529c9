import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { endpoints, staffEntryLabel, type Role } from '@huzhu/shared'
import { useApi } from '../lib/use-api'

/** Roles that have a staff side (the server checks every staff request again). */
const STAFF_ROLES: readonly Role[] = ['unit_admin', 'staff', 'reviewer', 'admin']

/** A link to the staff home, shown only to a signed-in account with a staff role (per `GET` of the account, `endpoints.users.getMe`). */
export function StaffEntryLink({ className }: { className?: string }) {
  const me = useApi(endpoints.users.getMe)
  if (me.status !== 'ready' || !me.value.roles.some((role) => STAFF_ROLES.includes(role))) return null
  return (
    <View id='home-link-staff' className={className} onClick={() => void Taro.navigateTo({ url: '/staff/index/index' })}>
      {staffEntryLabel}
    </View>
  )
}
