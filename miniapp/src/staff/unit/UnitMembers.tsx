import { Text, View } from '@tarojs/components'
import { formatYuan, staffUi, type Enrolment } from '@huzhu/shared'

/** One labelled value of a member; on a desk screen the label gives way to the column heading. */
function Value({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`unit-member__field ${className}`}>
      <Text className='unit-member__label'>{label}</Text>
      <Text className='unit-member__value'>{value}</Text>
    </View>
  )
}

function products(e: Enrolment): string {
  return e.products.map((p) => `${p.code} ${p.name}${p.shares > 1 ? ` ×${p.shares}` : ''}`).join('、')
}

/**
 * The people a unit enrolled. On a phone each is a card: name and status, then
 * the masked ID number, the products and the premium on lines of their own, each
 * with its label; on a desk screen the same cells line up as a table under one
 * heading row. No value is ever drawn over another or broken inside.
 */
export function UnitMembers({ enrolments }: { enrolments: readonly Enrolment[] }) {
  const t = staffUi.unit.member
  return (
    <View id='unit-enrolments' className='unit-members'>
      <View className='unit-members__head'>
        <Text>{t.name}</Text>
        <Text>{t.idNumber}</Text>
        <Text>{t.products}</Text>
        <Text className='unit-members__head-amount'>{t.premium}</Text>
        <Text>{t.status}</Text>
      </View>
      {enrolments.map((e) => (
        <View key={e.id} id={`unit-member-${e.id}`} className='unit-member' data-status={e.status}>
          <View className='unit-member__who'>
            <Text className='unit-member__name'>{e.person.name}</Text>
            <Text className={`staff-tag unit-member__status${e.status === 'active' ? ' staff-tag--ok' : ''}`}>{staffUi.enrolmentStatus[e.status]}</Text>
          </View>
          <Value label={t.idNumber} value={e.person.idNumber} className='unit-member__id' />
          <Value label={t.products} value={products(e)} className='unit-member__products' />
          <Value label={t.premium} value={formatYuan(e.premiumFen)} className='unit-member__premium' />
        </View>
      ))}
    </View>
  )
}
