import { useEffect, useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, staffUi } from '@huzhu/shared'
import { ApiError, errorMessage } from '../../api/errors'
import { LoadingState } from '../../components/StateView'
import { downloadFile } from '../lib/files'
import { staffPaths } from '../lib/paths'
import { fetchClaim, fetchReviewQueue, payClaims, type ClaimPaymentBatch } from '../lib/staff-api'

interface Payable {
  id: string
  personName: string
  amountFen: number
}

/**
 * Approved claims, paid one by one or as a batch with their transfer references;
 * the batch exports as xlsx. The list comes from the review queue (approved);
 * an account that may not read the queue adds claims by their number.
 */
export function ClaimPayments() {
  const [claims, setClaims] = useState<Payable[] | null>(null)
  const [queueNote, setQueueNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [references, setReferences] = useState<Record<string, string>>({})
  const [selected, setSelected] = useState<string[]>([])
  const [batch, setBatch] = useState<ClaimPaymentBatch | null>(null)
  const [busy, setBusy] = useState(false)
  const [reload, setReload] = useState(0)
  const [claimNumber, setClaimNumber] = useState('')

  useEffect(() => {
    let alive = true
    fetchReviewQueue({ status: 'approved', limit: '100' }).then(
      (page) => alive && setClaims(page.claims.map((c) => ({ id: c.id, personName: c.personName, amountFen: c.approvedFen ?? c.estimateFen }))),
      (failure: unknown) => {
        if (!alive) return
        setClaims((current) => current ?? [])
        if (failure instanceof ApiError && failure.status === 403) setQueueNote(staffUi.claimPayments.queueForbidden)
        else setError(errorMessage(failure))
      },
    )
    return () => {
      alive = false
    }
  }, [reload])

  const addById = async () => {
    const id = claimNumber.trim()
    if (id === '') return
    setError(null)
    try {
      const claim = await fetchClaim(id)
      if (claim.status !== 'approved') return setError(staffUi.claimPayments.notApproved)
      const row = { id: claim.id, personName: claim.personName, amountFen: claim.decision?.approvedFen ?? claim.estimate.totalFen }
      setClaims((current) => [...(current ?? []).filter((c) => c.id !== row.id), row])
      setClaimNumber('')
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const pay = async (ids: string[]) => {
    const payments = ids.map((claimId) => ({ claimId, reference: (references[claimId] ?? '').trim() }))
    if (payments.length === 0 || payments.some((p) => p.reference.length < 4)) return setError(staffUi.claimPayments.referenceRequired)
    setBusy(true)
    setError(null)
    try {
      setBatch(await payClaims(payments))
      setSelected([])
      setClaims((current) => (current ?? []).filter((c) => !ids.includes(c.id)))
      setReload((n) => n + 1)
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id='claim-payments' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.claimPayments.approved}</Text>
      {claims === null && <LoadingState id='claim-payments-loading' />}
      {queueNote && <Text id='claim-payments-note' className='staff-muted'>{queueNote}</Text>}
      {claims !== null && claims.length === 0 && <Text id='claim-payments-empty' className='staff-muted'>{staffUi.claimPayments.empty}</Text>}
      {claims?.map((claim) => {
        const on = selected.includes(claim.id)
        return (
          <View key={claim.id} id={`pay-row-${claim.id}`} className='staff-row pay-row'>
            <View
              id={`pay-select-${claim.id}`}
              className={`staff-chip${on ? ' staff-chip--on' : ''}`}
              role='checkbox'
              aria-checked={on}
              onClick={() => setSelected((s) => (on ? s.filter((id) => id !== claim.id) : [...s, claim.id]))}
            >
              <Text>{`${claim.personName} · ${formatYuan(claim.amountFen)}`}</Text>
            </View>
            <Input
              id={`pay-reference-${claim.id}`}
              className='staff-input pay-row__reference'
              value={references[claim.id] ?? ''}
              placeholder={staffUi.claimPayments.reference}
              onInput={(e) => setReferences((r) => ({ ...r, [claim.id]: e.detail.value }))}
            />
            <Button id={`pay-one-${claim.id}`} className='staff-button staff-button--small' disabled={busy || undefined} onClick={() => void pay([claim.id])}>
              {staffUi.claimPayments.pay}
            </Button>
          </View>
        )
      })}
      {selected.length > 0 && (
        <Button id='pay-selected' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void pay(selected)}>
          {fillTemplate(staffUi.claimPayments.paySelected, { count: selected.length })}
        </Button>
      )}
      <View className='staff-row pay-add'>
        <Input
          id='pay-claim-id'
          className='staff-input pay-row__reference'
          value={claimNumber}
          placeholder={staffUi.claimPayments.claimIdPlaceholder}
          onInput={(e) => setClaimNumber(e.detail.value)}
        />
        <Button id='pay-claim-add' className='staff-button staff-button--small' onClick={() => void addById()}>
          {staffUi.claimPayments.addById}
        </Button>
      </View>
      {error && <Text id='claim-payments-error' className='staff-error-text'>{error}</Text>}
      {batch && (
        <View id='pay-batch' className='staff-row' data-batch-id={batch.id}>
          <Text className='staff-tag staff-tag--ok'>{fillTemplate(staffUi.claimPayments.batchDone, { count: batch.count, amount: formatYuan(batch.totalFen) })}</Text>
          <Button
            id='pay-batch-export'
            className='staff-button staff-button--small'
            onClick={() => downloadFile(staffPaths.claimPaymentExport(batch.id), `理赔付款-${batch.id}.xlsx`).catch((e: unknown) => setError(errorMessage(e)))}
          >
            {staffUi.claimPayments.export}
          </Button>
        </View>
      )}
    </View>
  )
}
