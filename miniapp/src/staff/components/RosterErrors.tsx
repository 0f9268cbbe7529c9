import { Text, View } from '@tarojs/components'
import { fillTemplate, staffUi, type Roster } from '@huzhu/shared'

/** What a roster check found: a summary line and every bad cell (row as the spreadsheet shows it, column, reason). */
export function RosterErrors({ roster }: { roster: Roster }) {
  const badRows = new Set(roster.errors.map((e) => e.row)).size
  return (
    <View id='roster-result' className='roster-result' data-roster-id={roster.id} data-error-count={roster.errors.length} data-bad-rows={badRows}>
      <Text id='roster-summary' className={roster.errors.length > 0 ? 'staff-error-text' : ''}>
        {roster.errors.length > 0
          ? fillTemplate(staffUi.unit.checked, { rows: roster.rowCount, valid: roster.validCount, bad: roster.errors.length })
          : staffUi.unit.allGood}
      </Text>
      {roster.errors.length > 0 && (
        <View id='roster-errors' className='staff-table'>
          <View className='staff-table__row staff-table__row--head'>
            <Text className='staff-table__cell staff-table__cell--narrow'>{staffUi.unit.row}</Text>
            <Text className='staff-table__cell'>{staffUi.unit.column}</Text>
            <Text className='staff-table__cell staff-table__cell--wide'>{staffUi.unit.reason}</Text>
          </View>
          {roster.errors.map((error, index) => (
            <View
              key={`${error.row}-${error.column}-${index}`}
              id={`roster-error-${index}`}
              className='staff-table__row roster-error'
              data-row={error.row}
              data-column={error.column}
              data-code={error.code}
            >
              <Text className='staff-table__cell staff-table__cell--narrow'>{String(error.row)}</Text>
              <Text className='staff-table__cell'>{error.column}</Text>
              <Text className='staff-table__cell staff-table__cell--wide'>{error.message}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
