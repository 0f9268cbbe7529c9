import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { calendarUi, fillTemplate, type CalendarYear, type CalendarYearSaved, type CivilDate } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { Field, TextInput } from '../components/Field'
import { chinaTime } from '../lib/format'
import { saveCalendarYear } from '../lib/admin-api'
import { useSubmit } from '../lib/use-submit'
import { addDates, removeDate, sameDraft, type CalendarDraft, type DayKind } from './calendar-draft'
import { DateList } from './DateList'

/** The server's refusal of a year, date by date (`details[].date`), so each shows beside its date. */
function problemsOf(error: unknown): Map<CivilDate, string> {
  const problems = new Map<CivilDate, string>()
  if (!(error instanceof ApiError)) return problems
  for (const detail of error.details) {
    if (typeof detail.date === 'string' && typeof detail.message === 'string') problems.set(detail.date, detail.message)
  }
  return problems
}

/** Messages of the server's refusal that name no date (a year without any holiday). */
function generalProblems(error: unknown): string[] {
  if (!(error instanceof ApiError)) return []
  return error.details.filter((d) => typeof d.date !== 'string' && typeof d.message === 'string').map((d) => d.message as string)
}

/**
 * One year of the calendar: its holidays and make-up working days, added one
 * date or a run of dates at a time, taken out one by one, then saved whole.
 * Saving counts the due dates of open claims again; the page says how many moved.
 */
export function YearEditor({ loaded, onSaved }: { loaded: CalendarYear; onSaved: (saved: CalendarYearSaved) => void }) {
  const { year } = loaded
  const initial: CalendarDraft = { holidays: loaded.holidays, workdays: loaded.workdays }
  const [draft, setDraft] = useState<CalendarDraft>(initial)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [addError, setAddError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<unknown>(null)
  const [saved, setSaved] = useState<CalendarYearSaved | null>(null)
  const { busy, error, run } = useSubmit()
  const dirty = !sameDraft(draft, initial)

  const add = (kind: DayKind) => {
    const result = addDates(draft, year, kind, from, to)
    if (!result.ok) return setAddError(result.message)
    setAddError(null)
    setSaved(null)
    setDraft(result.draft)
    setFrom('')
    setTo('')
  }
  const remove = (kind: DayKind, date: CivilDate) => {
    setSaved(null)
    setDraft(removeDate(draft, kind, date))
  }
  const save = () => run(async () => {
    setRefusal(null)
    setSaved(null)
    try {
      const result = await saveCalendarYear(year, draft)
      setSaved(result)
      onSaved(result)
    } catch (failure) {
      setRefusal(failure)
      throw failure
    }
  })

  const problems = problemsOf(refusal)
  return (
    <View id='calendar-editor' className='staff-card calendar-editor' data-year={year} data-published={loaded.published} data-dirty={dirty}>
      {!loaded.published && <Text id='calendar-not-published' className='calendar-note'>{fillTemplate(calendarUi.notPublished, { year })}</Text>}
      {loaded.updatedAt && <Text id='calendar-updated' className='staff-muted'>{fillTemplate(calendarUi.updatedAt, { at: chinaTime(loaded.updatedAt) })}</Text>}
      <View className='calendar-lists'>
        <DateList kind='holiday' title={fillTemplate(calendarUi.holidays, { count: draft.holidays.length })} hint={calendarUi.holidaysHint}
          empty={calendarUi.noHolidays} dates={draft.holidays} problems={problems} onRemove={(d) => remove('holiday', d)} />
        <DateList kind='workday' title={fillTemplate(calendarUi.workdays, { count: draft.workdays.length })} hint={calendarUi.workdaysHint}
          empty={calendarUi.noWorkdays} dates={draft.workdays} problems={problems} onRemove={(d) => remove('workday', d)} />
      </View>
      <View id='calendar-add' className='calendar-add'>
        <Text className='staff-card__title'>{calendarUi.add}</Text>
        <View className='calendar-add__dates'>
          <Field label={calendarUi.from}>
            <TextInput id='calendar-add-from' value={from} onChange={setFrom} placeholder={calendarUi.datePlaceholder} />
          </Field>
          <Field label={calendarUi.to}>
            <TextInput id='calendar-add-to' value={to} onChange={setTo} placeholder={calendarUi.datePlaceholder} />
          </Field>
        </View>
        <View className='staff-row'>
          <Button id='calendar-add-holiday' className='staff-button' onClick={() => add('holiday')}>{calendarUi.addHoliday}</Button>
          <Button id='calendar-add-workday' className='staff-button' onClick={() => add('workday')}>{calendarUi.addWorkday}</Button>
        </View>
        {addError && <Text id='calendar-add-error' className='staff-error-text'>{addError}</Text>}
      </View>
      {dirty && <Text id='calendar-unsaved' className='calendar-note'>{calendarUi.unsaved}</Text>}
      {error && <Text id='calendar-save-error' className='staff-error-text'>{error}</Text>}
      {generalProblems(refusal).map((text) => <Text key={text} className='staff-error-text calendar-problem'>{text}</Text>)}
      {saved && (
        <Text id='calendar-saved' className='calendar-saved' data-moved={saved.claimsMoved}>
          {fillTemplate(calendarUi.saved, { year }) + (saved.claimsMoved > 0 ? fillTemplate(calendarUi.claimsMoved, { count: saved.claimsMoved }) : '')}
        </Text>
      )}
      <Button id='calendar-save' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void save()}>
        {fillTemplate(calendarUi.save, { year })}
      </Button>
    </View>
  )
}
