import { Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, staffUi, type Claim, type ClaimMedicalRecord, type ComparedFigureField } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import { InfoLine } from '../components/InfoLine'

const compared: readonly { field: ComparedFigureField; label: string }[] = [
  { field: 'totalCostFen', label: staffUi.claim.totalCost },
  { field: 'pooledOutOfPocketFen', label: staffUi.claim.pooled },
  { field: 'supplementaryOutOfPocketFen', label: staffUi.claim.supplementary },
  { field: 'deductiblePaidFen', label: staffUi.claim.deductible },
  { field: 'hospitalDays', label: staffUi.claim.hospitalDays },
]

function shown(field: ComparedFigureField, value: number | undefined): string {
  if (value === undefined) return staffUi.claim.notGiven
  return field === 'hospitalDays' ? fillTemplate(staffUi.claim.days, { days: value }) : formatYuan(value)
}

/** Where the record's figures came from: its hospital and stay. */
function recordSource(record: ClaimMedicalRecord): string {
  return fillTemplate(staffUi.claim.recordSource, { hospital: record.hospital, admitted: formatDate(record.admittedOn), discharged: formatDate(record.dischargedOn) })
}

/**
 * The settlement figures as the member typed them (会员填写) beside the
 * medical-insurance settlement record the server matched the claim to
 * (医保结算记录), row by row, each figure that differs marked (the server's
 * comparison: a figure the member left out counts as 0). Without a matched
 * record, only the member's figures, said to be theirs.
 */
export function FiguresComparison({ claim }: { claim: Claim }) {
  const f = claim.figures
  const record = claim.medicalRecord ?? null
  const differs = new Set(record?.differences ?? [])
  const rows = compared.filter(({ field }) => f[field] !== undefined || record !== null)
  const others: [string, string | null][] = [
    [staffUi.claim.inSitu, f.inSitu ? staffUi.claim.yes : null],
    [staffUi.claim.femaleCancer, f.femaleCancer ? staffUi.claim.yes : null],
    [staffUi.claim.disabilityGrade, f.disabilityGrade === undefined ? null : fillTemplate(staffUi.claim.grade, { grade: f.disabilityGrade })],
    [staffUi.claim.invoiceNumbers, claim.invoiceNumbers.length > 0 ? claim.invoiceNumbers.join('、') : null],
  ]
  return (
    <View id='claim-figures' className='staff-card' data-record={record ? record.result : 'none'}>
      <Text className='staff-card__title'>{record ? staffUi.claim.figuresCompared : staffUi.claim.memberFigures}</Text>
      {record === null && <Text id='claim-figures-no-record' className='staff-muted'>{staffUi.claim.noRecord}</Text>}
      {record !== null && (
        <Text id='claim-figures-verdict' className={`staff-tag ${differs.size > 0 ? 'staff-tag--error' : 'staff-tag--ok'}`}>
          {differs.size > 0 ? fillTemplate(staffUi.claim.recordDiffers, { count: differs.size }) : staffUi.claim.recordAgrees}
        </Text>
      )}
      <View className={`figures-table ${record ? 'figures-table--compared' : 'figures-table--member-only'}`} role='table'>
        <View className='figures-table__row figures-table__row--head' role='row'>
          <Text className='figures-table__label'>{staffUi.claim.figureItem}</Text>
          <Text className='figures-table__value'>{staffUi.claim.memberColumn}</Text>
          {record && <Text className='figures-table__value'>{staffUi.claim.recordColumn}</Text>}
        </View>
        {rows.map(({ field, label }) => {
          const off = differs.has(field)
          return (
            <View key={field} id={`figure-${field}`} className={`figures-table__row${off ? ' figures-table__row--differs' : ''}`} role='row' data-differs={off}>
              <View className='figures-table__label' role='rowheader'>
                <Text>{label}</Text>
                {off && <Text className='staff-tag staff-tag--error'>{staffUi.claim.differs}</Text>}
              </View>
              <Text className='figures-table__value figures-table__value--member'>{shown(field, f[field])}</Text>
              {record && <Text className='figures-table__value figures-table__value--record'>{shown(field, record.figures[field])}</Text>}
            </View>
          )
        })}
      </View>
      {record && <Text id='claim-figures-source' className='staff-muted'>{recordSource(record)}</Text>}
      {others.filter((row): row is [string, string] => row[1] !== null).map(([label, value]) => (
        <InfoLine key={label} label={label} value={value} />
      ))}
    </View>
  )
}
