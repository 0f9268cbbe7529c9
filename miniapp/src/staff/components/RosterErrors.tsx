import { Text, View } from '@tarojs/components'
import { fillTemplate, staffUi, type Roster } from '@huzhu/shared'
import { SheetErrorTable } from './SheetErrorTable'

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
      {roster.errors.length > 0 && <SheetErrorTable prefix='roster' errors={roster.errors} />}
    </View>
  )
}
