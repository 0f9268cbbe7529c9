import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { grantableRoles, staffUi, usersUi, type GrantableRole, type Unit } from '@huzhu/shared'
import { ChipsField } from '../components/Chips'
import { SubmitRow } from '../components/Field'
import { grantUserRole } from '../lib/admin-api'
import { useSubmit } from '../lib/use-submit'

/** Grants one more role: staff, reviewer, admin, or unit admin of a chosen unit. Roles already held are not offered. */
export function GrantForm({ userId, held, units, onGranted }: {
  userId: string
  /** Roles held (a unit admin may be granted for another unit). */
  held: readonly GrantableRole[]
  units: readonly Unit[]
  onGranted: (role: GrantableRole) => void
}) {
  const offered = grantableRoles.filter((r) => r === 'unit_admin' || !held.includes(r))
  const [role, setRole] = useState<GrantableRole | null>(null)
  const [unitId, setUnitId] = useState<string | null>(null)
  const { busy, error, run, fail } = useSubmit()

  const submit = () => {
    if (role === null) return fail(usersUi.chooseRole)
    if (role === 'unit_admin' && unitId === null) return fail(usersUi.chooseUnit)
    void run(async () => {
      await grantUserRole(userId, role === 'unit_admin' ? { role, unitId: unitId! } : { role })
      setRole(null)
      setUnitId(null)
      onGranted(role)
    })
  }

  return (
    <View id='users-grant' className='staff-card users-grant'>
      <Text className='staff-card__title'>{usersUi.grant}</Text>
      <ChipsField
        label={usersUi.role}
        idPrefix='users-grant-role'
        options={offered.map((r) => ({ value: r, label: staffUi.roles[r] }))}
        selected={role ? [role] : []}
        onChange={([value]) => setRole((value as GrantableRole | undefined) ?? null)}
      />
      {role === 'unit_admin' && (
        <ChipsField
          label={usersUi.unit}
          idPrefix='users-grant-unit'
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          selected={unitId ? [unitId] : []}
          onChange={([value]) => setUnitId(value ?? null)}
        />
      )}
      <SubmitRow id='users-grant-submit' errorId='users-grant-error' error={error} busy={busy} label={usersUi.grantSubmit} onSubmit={submit} />
    </View>
  )
}
