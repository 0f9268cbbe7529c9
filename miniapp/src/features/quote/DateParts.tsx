import { Fragment } from 'react'
import { Text, View } from '@tarojs/components'
import { fillTemplate, ui, type CivilDate } from '@huzhu/shared'
import { formatDate } from '../../lib/format'
import './quote.scss'

/**
 * A value in parts that each stay whole on one line; on a narrow screen (or
 * in large text) the line breaks between parts, right beside the label, never
 * in the middle of a date.
 */
export function DateParts({ id, className = '', parts, separator = '' }: { id?: string; className?: string; parts: readonly string[]; separator?: string }) {
  return (
    <View id={id} className={`date-parts ${className}`}>
      {parts.map((part, i) => (
        // The separator is text between the parts (a space reads as one when copied); the layout's gap spaces them on screen.
        <Fragment key={i}>
          {i > 0 && separator}
          <Text className='date-parts__part'>{part}</Text>
        </Fragment>
      ))}
    </View>
  )
}

/** A category's first day of cover and its waiting period: `2026年12月26日起` `（等待期 30 天）`. */
export function coverFromParts(date: CivilDate, waitingDays: number): string[] {
  return [
    fillTemplate(ui.quote.coverFromDate, { date: formatDate(date) }),
    waitingDays > 0 ? fillTemplate(ui.quote.waitingDays, { days: waitingDays }) : ui.quote.noWaiting,
  ]
}

/** A cover period: `2026年11月26日 至` `2027年11月25日`. */
export function coverRangeParts(start: CivilDate, end: CivilDate): string[] {
  return [fillTemplate(ui.quote.coverRangeStart, { start: formatDate(start) }), formatDate(end)]
}
