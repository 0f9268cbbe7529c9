import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, staffUi } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useAsync } from '../../lib/use-async'
import { TextInput } from '../components/Field'
import { downloadFile } from '../lib/files'
import { staffPaths } from '../lib/paths'
import { fetchClaim, fetchReviewQueue, payClaims, type ClaimPaymentBatch } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'

interface Payable {
  id: string
  personName: string
  amountFen: number
}

function PayRow({ claim, selected, reference, busy, onSelect, onReference, onPay }: {
  claim: Payable
  selected: boolean
  reference: string
  busy: boolean
  onSelect: () => void
  onReference: (value: string) => void
  onPay: () => void
}) {
  return (
    <View id={`pay-row-${claim.id}`} className='staff-row pay-row'>
      <View id={`pay-select-${claim.id}`} className={`staff-chip${selected ? ' staff-chip--on' : ''}`} role='checkbox' aria-checked={selected} onClick={onSelect}>
        <Text>{`${claim.personName} · ${formatYuan(claim.amountFen)}`}</Text>
      </View>
      <TextInput id={`pay-reference-${claim.id}`} className='pay-row__reference' value={reference} placeholder={staffUi.claimPayments.reference} onChange={onReference} />
      <Button id={`pay-one-${claim.id}`} className='staff-button staff-button--small' disabled={busy || undefined} onClick={onPay}>
        {staffUi.claimPayments.pay}
      </Button>
    </View>
  )
}

/**
 * Approved claims awaiting payment (the review queue as staff see it: approved
 * claims only), paid one by one or as a batch with their transfer references;
 * the batch exports as xlsx. At the desk a claim can also be added by its number.
 */
export function ClaimPayments() {
  const [version, setVersion] = useState(0)
  const listed = useAsync(() => fetchReviewQueue({ status: 'approved', limit: '100' }), [version])
  const [added, setAdded] = useState<Payable[]>([])
  const [references, setReferences] = useState<Record<string, string>>({})
  const [selected, setSelected] = useState<string[]>([])
  const [batch, setBatch] = useState<ClaimPaymentBatch | null>(null)
  const [claimNumber, setClaimNumber] = useState('')
  const { busy, error, run, fail } = useSubmit()

  if (listed.status === 'error') return <ErrorState id='claim-payments-error' message={listed.message} onRetry={() => setVersion((n) => n + 1)} />
  const fromQueue: Payable[] = listed.status === 'ready' ? listed.value.claims.map((c) => ({ id: c.id, personName: c.personName, amountFen: c.approvedFen ?? c.estimateFen })) : []
  const claims = [...fromQueue, ...added.filter((a) => !fromQueue.some((c) => c.id === a.id))]

  const addById = () =>
    run(async () => {
      const claim = await fetchClaim(claimNumber.trim())
      if (claim.status !== 'approved') return fail(staffUi.claimPayments.notApproved)
      setAdded((rows) => [...rows.filter((r) => r.id !== claim.id), { id: claim.id, personName: claim.personName, amountFen: claim.decision?.approvedFen ?? claim.estimate.totalFen }])
      setClaimNumber('')
    })

  const pay = (ids: string[]) => {
    const payments = ids.map((claimId) => ({ claimId, reference: (references[claimId] ?? '').trim() }))
    if (payments.length === 0 || payments.some((p) => p.reference.length < 4)) return fail(staffUi.claimPayments.referenceRequired)
    return run(async () => {
      setBatch(await payClaims(payments))
      setSelected([])
      setAdded((rows) => rows.filter((r) => !ids.includes(r.id)))
      setVersion((n) => n + 1)
    })
  }

  return (
    <View id='claim-payments' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.claimPayments.approved}</Text>
      {listed.status === 'loading' && <LoadingState id='claim-payments-loading' />}
      {listed.status === 'ready' && claims.length === 0 && <Text id='claim-payments-empty' className='staff-muted'>{staffUi.claimPayments.empty}</Text>}
      {claims.map((claim) => {
        const on = selected.includes(claim.id)
        return (
          <PayRow
            key={claim.id}
            claim={claim}
            selected={on}
            reference={references[claim.id] ?? ''}
            busy={busy}
            onSelect={() => setSelected((s) => (on ? s.filter((id) => id !== claim.id) : [...s, claim.id]))}
            onReference={(value) => setReferences((r) => ({ ...r, [claim.id]: value }))}
            onPay={() => void pay([claim.id])}
          />
        )
      })}
      {selected.length > 0 && (
        <Button id='pay-selected' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void pay(selected)}>
          {fillTemplate(staffUi.claimPayments.paySelected, { count: selected.length })}
        </Button>
      )}
      <View className='staff-row pay-add'>
        <TextInput id='pay-claim-id' className='pay-row__reference' value={claimNumber} placeholder={staffUi.claimPayments.claimIdPlaceholder} onChange={setClaimNumber} />
        <Button id='pay-claim-add' className='staff-button staff-button--small' disabled={busy || claimNumber.trim() === '' || undefined} onClick={() => void addById()}>
          {staffUi.claimPayments.addById}
        </Button>
      </View>
      {error && <Text id='claim-payments-failed' className='staff-error-text'>{error}</Text>}
      {batch && (
        <View id='pay-batch' className='staff-row' data-batch-id={batch.id}>
          <Text className='staff-tag staff-tag--ok'>{fillTemplate(staffUi.claimPayments.batchDone, { count: batch.count, amount: formatYuan(batch.totalFen) })}</Text>
          <Button
            id='pay-batch-export'
            className='staff-button staff-button--small'
            onClick={() => void run(() => downloadFile(staffPaths.claimPaymentExport(batch.id), `理赔付款-${batch.id}.xlsx`))}
          >
            {staffUi.claimPayments.export}
          </Button>
        </View>
      )}
    </View>
  )
}
