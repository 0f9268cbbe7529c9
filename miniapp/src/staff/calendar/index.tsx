import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { calendarUi, fillTemplate, staffPageTitles, yearOf, type CalendarOverview } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useToday } from '../../lib/today'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { Chips } from '../components/Chips'
import { StaffGate } from '../components/StaffGate'
import { TextInput } from '../components/Field'
import { fetchCalendarOverview, fetchCalendarYear } from '../lib/admin-api'
import { param } from '../lib/staff-routes'
import { YearEditor } from './YearEditor'
import '../staff.scss'
import './calendar.scss'

const MIN_YEAR = 2000
const MAX_YEAR = 2100

/** The years to offer: those entered, this year, the next one to enter, and the one open. */
function yearOptions(overview: CalendarOverview | null, thisYear: number, open: number): { value: string; label: string }[] {
  const entered = new Set(overview?.years.map((y) => y.year) ?? [])
  const years = new Set([...entered, thisYear, overview?.nextYear ?? thisYear + 1, open])
  return [...years].sort((a, b) => a - b).map((year) => ({
    value: String(year),
    label: fillTemplate(entered.has(year) ? calendarUi.yearPublished : calendarUi.yearMissing, { year }),
  }))
}

/** Opens any other year (a correction of an old one, or two years ahead). */
function OtherYear({ onOpen }: { onOpen: (year: number) => void }) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const open = () => {
    const year = Number(typed.trim())
    if (!/^\d{4}$/.test(typed.trim()) || year < MIN_YEAR || year > MAX_YEAR) return setError(calendarUi.yearInvalid)
    setError(null)
    setTyped('')
    onOpen(year)
  }
  return (
    <View className='staff-row calendar-other-year'>
      <Text className='staff-muted'>{calendarUi.otherYear}</Text>
      <TextInput id='calendar-other-year' className='calendar-other-year__input' type='number' value={typed} onChange={setTyped} placeholder={calendarUi.otherYearPlaceholder} onConfirm={open} />
      <Button id='calendar-other-year-open' className='staff-button staff-button--small' onClick={open}>{calendarUi.otherYearOpen}</Button>
      {error && <Text id='calendar-other-year-error' className='staff-error-text'>{error}</Text>}
    </View>
  )
}

/** One year, loaded, then edited; a save replaces what was loaded. */
function YearPanel({ year, onSaved }: { year: number; onSaved: () => void }) {
  const loaded = useLoad(fetchCalendarYear, [year])
  if (loaded.status === 'loading') return <LoadingState id='calendar-loading' />
  if (loaded.status === 'error') return <ErrorState id='calendar-error' message={loaded.message} onRetry={loaded.retry} />
  return (
    <YearEditor
      loaded={loaded.value}
      onSaved={({ claimsMoved: _moved, ...year }) => {
        loaded.set(year)
        onSaved()
      }}
    />
  )
}

/**
 * The admin keeps the holiday calendar: picks a year, sees its public holidays
 * and make-up working days, adds and removes dates, saves. Due dates of open
 * claims follow on the server.
 */
function CalendarDesk() {
  const today = useToday()
  const thisYear = yearOf(today)
  const asked = Number(param(useRouter().params, 'year'))
  const overview = useLoad(fetchCalendarOverview, [])
  const revalidate = useRevalidate()
  const ready = overview.status === 'ready' ? overview.value : null
  const [chosen, setChosen] = useState<number | null>(asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : null)
  // Until the admin picks one: the year to enter next when the home warns of it, else this year.
  const year = chosen ?? (ready?.warning ? ready.nextYear : thisYear)

  return (
    <View id='calendar-desk' className='staff-wrap calendar-desk'>
      <View className='staff-card'>
        <Text className='staff-card__title'>{staffPageTitles.calendar}</Text>
        <Text className='staff-muted'>{calendarUi.intro}</Text>
        <Text className='staff-field__label'>{calendarUi.years}</Text>
        <Chips idPrefix='calendar-year' options={yearOptions(ready, thisYear, year)} selected={[String(year)]} onChange={([value]) => value && setChosen(Number(value))} />
        <OtherYear onOpen={setChosen} />
      </View>
      <YearPanel key={year} year={year} onSaved={() => void revalidate(fetchCalendarOverview)} />
    </View>
  )
}

export default function CalendarPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='calendar'>{() => <CalendarDesk />}</StaffGate>
    </View>
  )
}
