import { Button, Text, View } from '@tarojs/components'
import { calendarUi, type CivilDate } from '@huzhu/shared'
import { dateWithWeekday, type DayKind } from './calendar-draft'

/** One kind of day of the year: each date with its weekday and a button to take it out. */
export function DateList({ kind, title, hint, empty, dates, problems, onRemove }: {
  kind: DayKind
  title: string
  hint: string
  empty: string
  dates: readonly CivilDate[]
  /** The server's word on a date, by date. */
  problems: ReadonlyMap<CivilDate, string>
  onRemove: (date: CivilDate) => void
}) {
  return (
    <View id={`calendar-${kind}s`} className='calendar-list' data-count={dates.length}>
      <Text className='staff-card__title'>{title}</Text>
      <Text className='staff-muted'>{hint}</Text>
      {dates.length === 0 && <Text id={`calendar-${kind}s-empty`} className='staff-muted'>{empty}</Text>}
      <View className='calendar-list__dates'>
        {dates.map((date) => (
          <View key={date} id={`calendar-${kind}-${date}`} className={`calendar-date calendar-date--${kind}${problems.has(date) ? ' calendar-date--error' : ''}`}>
            <Text className='calendar-date__text'>{dateWithWeekday(date)}</Text>
            <Button id={`calendar-${kind}-${date}-remove`} className='staff-button staff-button--small' onClick={() => onRemove(date)}>
              {calendarUi.remove}
            </Button>
            {problems.has(date) && <Text className='staff-error-text calendar-date__problem'>{problems.get(date)}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}
