import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { fillTemplate, formatFen, formatYuan, parseYuan, staffUi, type Payment, type PaymentRequest } from '@huzhu/shared'
import { confirmPayment } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'
import { SubmitRow, TextField } from './Field'

/** What the last confirmed payment covered; shown by the page, which outlives the form (no pending left, no form). */
export function PaidNotice({ id, payment }: { id: string; payment: Payment }) {
  return (
    <Text id={id} className='staff-tag staff-tag--ok' data-payment-id={payment.id}>
      {fillTemplate(staffUi.payment.done, { count: payment.enrolmentCount, amount: formatYuan(payment.amountFen) })}
    </Text>
  )
}

/**
 * Confirms a bank transfer against pending enrolments (`POST /api/v1/payments`):
 * a unit's pending enrolments in a catalogue, or the enrolments chosen.
 */
export function PaymentForm({ idPrefix, catalogueId, target, amountFen, onPaid }: {
  idPrefix: string
  catalogueId: string
  target: { unitId: string } | { enrolmentIds: string[] }
  amountFen: number
  onPaid: (payment: Payment) => void
}) {
  const [reference, setReference] = useState('')
  const [amount, setAmount] = useState(formatFen(amountFen).replace(/,/g, ''))
  const [payer, setPayer] = useState('')
  const { busy, error, run, fail } = useSubmit()

  const submit = async () => {
    if (reference.trim().length < 4) return fail(staffUi.payment.referenceRequired)
    const fen = parseYuan(amount)
    if (fen === null) return fail(staffUi.common.amountInvalid)
    const body: PaymentRequest = {
      catalogueId,
      reference: reference.trim(),
      amountFen: fen,
      ...(payer.trim() !== '' ? { payer: payer.trim() } : {}),
      ...target,
    }
    await run(async () => onPaid(await confirmPayment(body)))
  }

  return (
    <View id={`${idPrefix}-form`} className='staff-card'>
      <Text className='staff-card__title'>{staffUi.payment.title}</Text>
      <TextField id={`${idPrefix}-reference`} label={staffUi.payment.reference} value={reference} onChange={setReference} placeholder={staffUi.payment.referencePlaceholder} />
      <TextField id={`${idPrefix}-amount`} label={staffUi.payment.amount} value={amount} onChange={setAmount} type='digit' />
      <TextField id={`${idPrefix}-payer`} label={staffUi.payment.payer} value={payer} onChange={setPayer} />
      <SubmitRow id={`${idPrefix}-submit`} errorId={`${idPrefix}-error`} error={error} busy={busy} label={staffUi.payment.submit} onSubmit={() => void submit()} />
    </View>
  )
}
