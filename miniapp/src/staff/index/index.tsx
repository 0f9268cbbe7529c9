import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { auditUi, calendarUi, cataloguesUi, dashboardPageUi, fillTemplate, hardshipUi, ledgerUi, staffPageTitles, staffUi, unitsUi, usersUi, type MeResponse } from '@huzhu/shared'
import { CalendarWarning } from '../calendar/CalendarWarning'
import { StaffGate } from '../components/StaffGate'
import { managedUnitIds, mayOpen } from '../lib/access'
import { staffUrls } from '../lib/staff-routes'
import { fetchUnit } from '../lib/staff-api'
import { useLoad } from '../../lib/use-api'
import '../staff.scss'

interface Entry {
  id: string
  title: string
  hint: string
  url: string
}

function Entry({ entry }: { entry: Entry }) {
  return (
    <View id={entry.id} className='staff-card staff-entry' onClick={() => Taro.navigateTo({ url: entry.url })}>
      <Text className='staff-card__title'>{entry.title}</Text>
      <Text className='staff-muted'>{entry.hint}</Text>
    </View>
  )
}

function UnitEntry({ unitId }: { unitId: string }) {
  const unit = useLoad(fetchUnit, [unitId])
  const name = unit.status === 'ready' ? unit.value.name : unitId
  return (
    <Entry
      entry={{ id: `staff-entry-unit-${unitId}`, title: fillTemplate(staffUi.entries.unit, { name }), hint: staffUi.entries.unitHint, url: staffUrls.unit(unitId) }}
    />
  )
}

/** The entries a person's roles open, in the order of a working day. */
function staffEntries(me: MeResponse): Entry[] {
  const entries: Entry[] = []
  if (mayOpen(me, 'check')) entries.push({ id: 'staff-entry-check', title: staffUi.entries.check, hint: staffUi.entries.checkHint, url: staffUrls.check })
  if (mayOpen(me, 'events')) entries.push({ id: 'staff-entry-events', title: staffUi.entries.events, hint: staffUi.entries.eventsHint, url: staffUrls.events })
  if (mayOpen(me, 'units')) entries.push({ id: 'staff-entry-units', title: staffUi.entries.units, hint: unitsUi.entryHint, url: staffUrls.units() })
  if (mayOpen(me, 'review')) entries.push({ id: 'staff-entry-review', title: staffUi.entries.review, hint: staffUi.entries.reviewHint, url: staffUrls.review })
  if (mayOpen(me, 'payments')) entries.push({ id: 'staff-entry-payments', title: staffUi.entries.payments, hint: staffUi.entries.paymentsHint, url: staffUrls.payments() })
  if (mayOpen(me, 'medical')) entries.push({ id: 'staff-entry-medical', title: staffUi.entries.medical, hint: staffUi.entries.medicalHint, url: staffUrls.medical })
  if (mayOpen(me, 'identity')) entries.push({ id: 'staff-entry-identity', title: staffUi.entries.identity, hint: staffUi.entries.identityHint, url: staffUrls.identity })
  if (mayOpen(me, 'hardship')) entries.push({ id: 'staff-entry-hardship', title: staffPageTitles.hardship, hint: hardshipUi.entryHint, url: staffUrls.hardship })
  if (mayOpen(me, 'ledger')) entries.push({ id: 'staff-entry-ledger', title: staffPageTitles.ledger, hint: ledgerUi.entryHint, url: staffUrls.ledger })
  if (mayOpen(me, 'dashboard')) entries.push({ id: 'staff-entry-dashboard', title: staffPageTitles.dashboard, hint: dashboardPageUi.entryHint, url: staffUrls.dashboard })
  if (mayOpen(me, 'calendar')) entries.push({ id: 'staff-entry-calendar', title: staffPageTitles.calendar, hint: calendarUi.entryHint, url: staffUrls.calendar() })
  if (mayOpen(me, 'catalogues')) entries.push({ id: 'staff-entry-catalogues', title: staffPageTitles.catalogues, hint: cataloguesUi.entryHint, url: staffUrls.catalogues })
  if (mayOpen(me, 'users')) entries.push({ id: 'staff-entry-users', title: staffPageTitles.users, hint: usersUi.entryHint, url: staffUrls.users() })
  if (mayOpen(me, 'audit')) entries.push({ id: 'staff-entry-audit', title: staffPageTitles.audit, hint: auditUi.entryHint, url: staffUrls.audit() })
  return entries
}

function Home({ me }: { me: MeResponse }) {
  const roleNames = me.roles.filter((r) => r !== 'member').map((r) => staffUi.roles[r])
  return (
    <View id='staff-home' className='staff-wrap'>
      <Text className='staff-muted'>{fillTemplate(staffUi.home.roles, { roles: roleNames.join('、') })}</Text>
      {mayOpen(me, 'calendar') && <CalendarWarning />}
      {staffEntries(me).map((entry) => (
        <Entry key={entry.id} entry={entry} />
      ))}
      {managedUnitIds(me).map((unitId) => (
        <UnitEntry key={unitId} unitId={unitId} />
      ))}
    </View>
  )
}

/** Staff home: one entry per task the person's roles allow. */
export default function StaffHomePage() {
  return (
    <View className='staff-page'>
      <StaffGate page='home'>{(me) => <Home me={me} />}</StaffGate>
    </View>
  )
}
