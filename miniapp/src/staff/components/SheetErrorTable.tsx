import { Text, View } from '@tarojs/components'
import { staffUi } from '@huzhu/shared'

export interface SheetError {
  row: number
  column: string
  code: string
  message: string
}

/**
 * Every bad cell of an uploaded sheet (a roster, medical-insurance records):
 * the row as the spreadsheet shows it, the column header, the reason. Ids are
 * `${prefix}-errors` and `${prefix}-error-<n>`.
 */
export function SheetErrorTable({ prefix, errors }: { prefix: string; errors: readonly SheetError[] }) {
  return (
    <View id={`${prefix}-errors`} className='staff-table'>
      <View className='staff-table__row staff-table__row--head'>
        <Text className='staff-table__cell staff-table__cell--narrow'>{staffUi.sheet.row}</Text>
        <Text className='staff-table__cell'>{staffUi.sheet.column}</Text>
        <Text className='staff-table__cell staff-table__cell--wide'>{staffUi.sheet.reason}</Text>
      </View>
      {errors.map((error, index) => (
        <View
          key={`${error.row}-${error.column}-${index}`}
          id={`${prefix}-error-${index}`}
          className={`staff-table__row ${prefix}-error`}
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
  )
}
