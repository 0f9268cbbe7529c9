import { Text, View } from '@tarojs/components'
import { fillTemplate, staffUi, type MedicalRecordImport } from '@huzhu/shared'
import { SheetErrorTable } from './SheetErrorTable'

/**
 * What a medical-records import did: a summary line (all rows imported, or
 * refused with every bad cell: row as the spreadsheet shows it, column, reason)
 * and, once imported, what happens to the matching claims next.
 */
export function MedicalRecordErrors({ result }: { result: MedicalRecordImport }) {
  const refused = result.errors.length > 0
  const badRows = new Set(result.errors.map((e) => e.row)).size
  return (
    <View
      id='medical-result'
      className='medical-result'
      data-row-count={result.rowCount}
      data-imported={result.importedCount}
      data-error-count={result.errors.length}
      data-bad-rows={badRows}
    >
      <Text id='medical-summary' className={refused ? 'staff-error-text' : 'staff-tag staff-tag--ok'}>
        {refused
          ? fillTemplate(staffUi.medical.refused, { rows: result.rowCount, badRows, bad: result.errors.length })
          : fillTemplate(staffUi.medical.imported, { rows: result.rowCount, count: result.importedCount })}
      </Text>
      {refused && <SheetErrorTable prefix='medical' errors={result.errors} />}
      {!refused && result.importedCount > 0 && (
        <View id='medical-next' className='medical-next'>
          <Text className='staff-card__title'>{staffUi.medical.nextTitle}</Text>
          <Text className='staff-muted'>{staffUi.medical.nextMatched}</Text>
          <Text className='staff-muted'>{staffUi.medical.nextApproved}</Text>
          <Text className='staff-muted'>{fillTemplate(staffUi.medical.nextFlagged, { flag: staffUi.flag.medical_figures_mismatch })}</Text>
        </View>
      )}
    </View>
  )
}
