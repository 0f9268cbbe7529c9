import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { calendarUi, fillTemplate, type CalendarOverview } from '@huzhu/shared'
import { useLoad } from '../../lib/use-api'
import { fetchCalendarOverview } from '../lib/admin-api'
import { staffUrls } from '../lib/staff-routes'
import './calendar.scss'

/** What the admin home says when the calendar runs out within 60 days (or has run out), or nothing. */
export function calendarWarningText(overview: CalendarOverview): string | null {
  if (!overview.warning) return null
  if (overview.coveredThrough === null) return fillTemplate(calendarUi.warningExpired, { year: overview.nextYear })
  return fillTemplate(calendarUi.warning, { year: overview.nextYear, date: overview.coveredThrough, days: overview.daysLeft })
}

/**
 * The admin home's reminder to enter next year's holidays before due dates are
 * counted on weekends alone. The home works without it: a failed load shows nothing.
 */
export function CalendarWarning() {
  const overview = useLoad(fetchCalendarOverview, [])
  if (overview.status !== 'ready') return null
  const text = calendarWarningText(overview.value)
  if (text === null) return null
  const year = overview.value.nextYear
  return (
    <View id='calendar-warning' className='staff-card calendar-warning' data-year={year}>
      <Text className='calendar-warning__text'>{text}</Text>
      <Button id='calendar-warning-open' className='staff-button staff-button--primary' onClick={() => Taro.navigateTo({ url: staffUrls.calendar(year) })}>
        {calendarUi.warningAction}
      </Button>
    </View>
  )
}
