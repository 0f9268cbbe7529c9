import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { auditActionLabels, auditFieldLabel, auditResourceLabel, auditUi, fillTemplate, type AuditEntry } from '@huzhu/shared'
import { chinaTime } from '../lib/format'
import { staffUrls } from '../lib/staff-routes'

/** An account on an audit line: its masked login phone, else its id; tapping it opens the account. */
function Account({ id, userId, phone, label }: { id: string; userId: string | null; phone: string | null; label: string }) {
  if (userId === null) return <Text id={id} className='audit-entry__who'>{`${label} ${label === auditUi.actor ? auditUi.system : auditUi.nobody}`}</Text>
  return (
    <Text id={id} className='audit-entry__who audit-entry__who--link' onClick={() => Taro.navigateTo({ url: staffUrls.users(userId) })}>
      {`${label} ${phone ?? userId}`}
    </Text>
  )
}

/** One line of the audit log: when, what was done to what, by whom, about whom, which fields, from where. */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const id = `audit-entry-${entry.id}`
  return (
    <View id={id} className='audit-entry' data-action={entry.action} data-resource={entry.resource}>
      <View className='staff-row audit-entry__head'>
        <Text className='audit-entry__time'>{chinaTime(entry.at)}</Text>
        <Text className='staff-tag'>{auditActionLabels[entry.action]}</Text>
        <Text id={`${id}-resource`} className='audit-entry__resource'>{auditResourceLabel(entry.resource)}</Text>
      </View>
      <View className='staff-row'>
        <Account id={`${id}-actor`} userId={entry.actorUserId} phone={entry.actorPhoneMasked} label={auditUi.actor} />
        {entry.subjectUserId !== null && <Account id={`${id}-subject`} userId={entry.subjectUserId} phone={entry.subjectPhoneMasked} label={auditUi.subject} />}
      </View>
      {(entry.fields.length > 0 || entry.ip) && (
        <Text className='staff-muted'>
          {[entry.fields.length > 0 ? fillTemplate(auditUi.fields, { fields: entry.fields.map(auditFieldLabel).join('、') }) : '', entry.ip ? fillTemplate(auditUi.ip, { ip: entry.ip }) : ''].filter(Boolean).join(' · ')}
        </Text>
      )}
    </View>
  )
}
