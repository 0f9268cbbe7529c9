import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import {
  assistedUi, fillTemplate, formatYuan, fundingSourceLabels, message, occupationLabels, occupations, parseIdNumber, parseMobile,
  type AssistedEnrolment, type Occupation, type OutreachEvent,
} from '@huzhu/shared'
import { getCatalogue } from '../../api'
import { liveQuote } from '../../features/quote/live-quote'
import { useToday } from '../../lib/today'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { ChipsField } from '../components/Chips'
import { SubmitRow, TextField } from '../components/Field'
import { QrImage } from '../components/QrImage'
import { useSubmit } from '../lib/use-submit'
import { confirmationLink, createAssistedEnrolment, EVENT_POLL_MS, fetchAssistedEnrolments } from './assisted-api'

const text = assistedUi.staff
const YES_NO = [{ value: 'yes', label: text.yes }, { value: 'no', label: text.no }]

/** What staff see of one entry: waiting for the rider, confirmed (and paid or not), or expired. */
export function assistedStateText(a: AssistedEnrolment): string {
  if (a.status === 'waiting') return text.waiting
  if (a.status === 'expired') return text.expired
  if (a.enrolmentStatus === 'active') return `${text.confirmed} · ${text.active}`
  if (a.enrolmentStatus === 'cancelled') return `${text.confirmed} · ${text.cancelled}`
  return `${text.confirmed} · ${text.pendingPayment}`
}

/** The form: the rider's details checked on the phone with the shared checks (ID number, mobile, selection), the quote shown. */
function AssistedForm({ event, onSent }: { event: OutreachEvent; onSent: (a: AssistedEnrolment) => void }) {
  const today = useToday()
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [mobile, setMobile] = useState('')
  const [occupation, setOccupation] = useState<Occupation>('food_delivery')
  const [platform, setPlatform] = useState('')
  const [medical, setMedical] = useState('yes')
  const [member, setMember] = useState('yes')
  const [products, setProducts] = useState<string[]>(event.gift?.products ?? event.products)
  const { busy, error, run, fail } = useSubmit()
  const catalogue = useLoad(getCatalogue, [event.catalogueId], { keep: true })
  const live = catalogue.status === 'ready' ? liveQuote(catalogue.value, products, today) : null
  const problems = live ? [...live.general, ...[...live.byProduct.values()].flat()] : []

  const submit = async () => {
    if (name.trim() === '' || idNumber.trim() === '' || mobile.trim() === '' || platform.trim() === '' || products.length === 0) return fail(text.required)
    const id = parseIdNumber(idNumber, today)
    if (!id.ok) return fail(message(id.code, id.params))
    const phone = parseMobile(mobile)
    if (!phone.ok) return fail(message(phone.code))
    if (problems.length > 0) return fail(problems.map((p) => p.message).join('；'))
    await run(async () => {
      onSent(await createAssistedEnrolment(event.id, {
        name: name.trim(), idNumber: id.value.value, mobile: phone.value, occupation, platform: platform.trim(),
        basicMedicalInsurance: medical === 'yes', unionMember: member === 'yes', products,
        ...(live?.quote ? { expectedPremiumFen: live.quote.premiumFen } : {}),
      }))
    })
  }

  return (
    <View id='assisted-form' className='assisted-form'>
      <TextField id='assisted-name' label={text.name} value={name} onChange={setName} placeholder={text.namePlaceholder} />
      <TextField id='assisted-id-number' label={text.idNumber} value={idNumber} onChange={setIdNumber} placeholder={text.idNumberPlaceholder} />
      <TextField id='assisted-mobile' type='number' label={text.mobile} value={mobile} onChange={setMobile} placeholder={text.mobilePlaceholder} />
      <ChipsField label={text.occupation} idPrefix='assisted-occupation' options={occupations.map((o) => ({ value: o, label: occupationLabels[o] }))}
        selected={[occupation]} onChange={([v]) => v && setOccupation(v as Occupation)} />
      <TextField id='assisted-platform' label={text.platform} value={platform} onChange={setPlatform} placeholder={text.platformPlaceholder} />
      <ChipsField label={text.medical} idPrefix='assisted-medical' options={YES_NO} selected={[medical]} onChange={([v]) => v && setMedical(v)} />
      <ChipsField label={text.unionMember} idPrefix='assisted-member' options={YES_NO} selected={[member]} onChange={([v]) => v && setMember(v)} />
      <ChipsField label={text.products} idPrefix='assisted-product' multiple
        options={catalogue.status === 'ready' ? catalogue.value.data.products.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })) : []}
        selected={products} onChange={setProducts} />
      {problems.map((p) => <Text key={`${p.rule}-${p.product ?? ''}`} className='staff-error-text assisted-problem'>{p.message}</Text>)}
      {live?.quote && (
        <Text id='assisted-quote' className='assisted-quote'>
          {fillTemplate(text.quote, { amount: formatYuan(live.quote.premiumFen), funding: fundingSourceLabels[event.fundingSource] })}
        </Text>
      )}
      <SubmitRow id='assisted-submit' errorId='assisted-error' error={error} busy={busy} label={text.submit} onSubmit={() => void submit()} />
    </View>
  )
}

/** Sent: the rider scans the confirmation page with their own phone and signs in with the code. */
function Sent({ event, sent, onAnother }: { event: OutreachEvent; sent: AssistedEnrolment; onAnother: () => void }) {
  const link = confirmationLink(event.link)
  return (
    <View id='assisted-sent' className='assisted-sent'>
      <Text id='assisted-sent-text'>{fillTemplate(text.sent, { mobile: sent.mobileMasked })}</Text>
      <QrImage id='assisted-qr' text={link} size={220} />
      <Text className='staff-muted'>{text.scanToConfirm}</Text>
      <Text id='assisted-link' className='event-link' userSelect>{link}</Text>
      <Button id='assisted-another' className='staff-button' onClick={onAnother}>{text.another}</Button>
    </View>
  )
}

/** The event's entries with their state, reloaded as often as the event's counts. */
function AssistedList({ items }: { items: AssistedEnrolment[] }) {
  if (items.length === 0) return <Text id='assisted-none' className='staff-muted'>{text.none}</Text>
  return (
    <View id='assisted-list' className='assisted-list'>
      {items.map((a) => (
        <View key={a.id} id={`assisted-${a.id}`} className='assisted-item' data-status={a.status} data-enrolment-status={a.enrolmentStatus ?? ''}>
          <Text className='assisted-item__who'>{fillTemplate(text.line, { name: a.name, id: a.idNumberMasked, mobile: a.mobileMasked })}</Text>
          <Text className={`assisted-item__state assisted-item__state--${a.status}`}>{assistedStateText(a)}</Text>
        </View>
      ))}
    </View>
  )
}

/** 代办参保 on the event page: the form, then the QR for the rider; the event's entries and their state below. */
export function AssistedPanel({ event }: { event: OutreachEvent }) {
  const [sent, setSent] = useState<AssistedEnrolment | null>(null)
  const [formKey, setFormKey] = useState(0)
  // Read again with the event (riders confirm while the page is open), and when one is sent.
  const listed = useLoad(fetchAssistedEnrolments, [event.id], { refreshMs: EVENT_POLL_MS })
  const items = listed.status === 'ready' ? listed.value : []
  const error = listed.status === 'error' ? listed.message : null
  const revalidate = useRevalidate()
  const onSent = (made: AssistedEnrolment) => {
    setSent(made)
    void revalidate(fetchAssistedEnrolments)
  }
  return (
    <View id='assisted-panel' className='staff-card staff-no-print'>
      <Text className='staff-card__title'>{text.title}</Text>
      {sent ? (
        <Sent event={event} sent={sent} onAnother={() => {
          setSent(null)
          setFormKey((n) => n + 1)
        }} />
      ) : (
        <>
          <Text className='staff-muted'>{text.intro}</Text>
          <AssistedForm key={formKey} event={event} onSent={onSent} />
        </>
      )}
      <Text className='staff-card__title assisted-list__title'>{text.list}</Text>
      {error && <Text className='staff-error-text'>{error}</Text>}
      <AssistedList items={items} />
    </View>
  )
}
