import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { owedFen, fillTemplate, formatYuan, staffUi, type Enrolment, type Payment } from '@huzhu/shared'
import { LoadingState } from '../../components/StateView'
import { formatInstantDate } from '../../lib/format'
import { usePages, useRevalidate } from '../../lib/use-api'
import { TextInput } from '../components/Field'
import { PaidNotice, PaymentForm } from '../components/PaymentForm'
import { fetchEnrolments, fetchPendingEnrolments } from '../lib/staff-api'

const PAGE_SIZE = 20

/** Who made the enrolment: the rider alone, at an outreach event, or a unit. */
function sourceOf(e: Enrolment): string {
  if (e.unit) return fillTemplate(staffUi.payment.viaUnit, { name: e.unit.name })
  return e.eventId ? staffUi.payment.viaEvent : staffUi.payment.self
}

function PendingRow({ enrolment: e, selected, blocked, onToggle }: { enrolment: Enrolment; selected: boolean; blocked: boolean; onToggle: () => void }) {
  return (
    <View
      id={`pending-row-${e.id}`}
      className={`pending-row${selected ? ' pending-row--on' : ''}${blocked ? ' pending-row--blocked' : ''}`}
      role='checkbox'
      aria-checked={selected}
      aria-disabled={blocked}
      data-catalogue={e.catalogueId}
      onClick={() => !blocked && onToggle()}
    >
      <View className='pending-row__line'>
        <Text className='pending-row__name'>{e.person.name}</Text>
        {e.person.mobile && <Text className='pending-row__mobile'>{e.person.mobile}</Text>}
        <Text className='pending-row__amount'>{formatYuan(owedFen(e.shares))}</Text>
      </View>
      <Text className='staff-muted'>{`${e.catalogueName} · ${e.products.map((p) => p.code).join(',')}`}</Text>
      <Text className='staff-muted'>{`${sourceOf(e)} · ${fillTemplate(staffUi.payment.enrolledOn, { date: formatInstantDate(e.createdAt) })}`}</Text>
    </View>
  )
}

/**
 * Every enrolment awaiting payment, self-enrolments included (a rider who
 * enrolled alone pays by bank transfer until online payment arrives): newest
 * first, found by name or by a whole mobile number, page by page. Staff pick the
 * ones a transfer paid (one plan per transfer) and confirm it; they turn active.
 * What was picked stays picked across searches. A payment confirmed elsewhere on
 * the page reloads the list (the data cache); `onPaid` tells the page of one
 * confirmed here.
 */
export function PendingEnrolments({ onPaid }: { onPaid?: () => void }) {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  // Payments confirmed here: a new payment form after each.
  const [version, setVersion] = useState(0)
  const [selected, setSelected] = useState<Enrolment[]>([])
  const [paid, setPaid] = useState<Payment | null>(null)

  const { rows: list, error, more, retry } = usePages(fetchPendingEnrolments, { ...(query !== '' ? { q: query } : {}), limit: String(PAGE_SIZE) }, (page) => page.enrolments)
  const revalidate = useRevalidate()

  // The same search again reads the list afresh.
  const search = (text: string) => {
    if (text === query) retry()
    else setQuery(text)
  }

  const catalogueId = selected[0]?.catalogueId ?? null
  const total = selected.reduce((sum, e) => sum + owedFen(e.shares), 0)
  const toggle = (e: Enrolment) => setSelected((s) => (s.some((x) => x.id === e.id) ? s.filter((x) => x.id !== e.id) : [...s, e]))

  return (
    <View id='pending-enrolments' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.payment.pendingTitle}</Text>
      <Text className='staff-muted'>{staffUi.payment.pendingHint}</Text>
      {paid && <PaidNotice id='pending-transfer-done' payment={paid} />}
      <Text className='staff-field__label'>{staffUi.payment.searchLabel}</Text>
      <View className='staff-row pending-search'>
        <TextInput
          id='pending-search'
          className='pending-search__input'
          value={typed}
          placeholder={staffUi.payment.searchPlaceholder}
          onChange={setTyped}
          onConfirm={() => search(typed.trim())}
        />
        <Button id='pending-search-submit' className='staff-button staff-button--small' onClick={() => search(typed.trim())}>
          {staffUi.payment.search}
        </Button>
        {query !== '' && (
          <Button id='pending-search-clear' className='staff-button staff-button--small' onClick={() => { setTyped(''); search('') }}>
            {staffUi.payment.showAll}
          </Button>
        )}
      </View>
      {error && <Text id='pending-error' className='staff-error-text'>{error}</Text>}
      {!error && list === null && <LoadingState id='pending-loading' />}
      {list !== null && list.length === 0 && <Text id='pending-empty' className='staff-muted'>{staffUi.payment.noMatch}</Text>}
      {list !== null && list.length > 0 && (
        <View id='pending-list' className='pending-list' data-query={query}>
          {list.map((e) => (
            <PendingRow
              key={e.id}
              enrolment={e}
              selected={selected.some((x) => x.id === e.id)}
              blocked={catalogueId !== null && e.catalogueId !== catalogueId}
              onToggle={() => toggle(e)}
            />
          ))}
        </View>
      )}
      {more && list !== null && (
        <Button id='pending-more' className='staff-button' onClick={more}>
          {staffUi.payment.more}
        </Button>
      )}
      {selected.length > 0 && catalogueId !== null && (
        <>
          <Text id='pending-selected' className='staff-muted' data-count={selected.length}>
            {`${fillTemplate(staffUi.payment.selectedTotal, { count: selected.length, amount: formatYuan(total) })}（${staffUi.payment.otherCatalogue}）`}
          </Text>
          <PaymentForm
            key={`${version}-${selected.map((e) => e.id).join(',')}`}
            idPrefix='pending-transfer'
            catalogueId={catalogueId}
            target={{ enrolmentIds: selected.map((e) => e.id) }}
            amountFen={total}
            onPaid={(payment) => {
              setPaid(payment)
              setSelected([])
              setVersion((n) => n + 1)
              // Paid: out of this list, and out of the event's list of the same enrolments.
              void revalidate(fetchPendingEnrolments, fetchEnrolments)
              onPaid?.()
            }}
          />
        </>
      )}
    </View>
  )
}
