import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, formatYuan, staffUi, type ClaimPaymentBatch } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { TextInput } from '../components/Field'
import { shortClaimNumber } from '../lib/format'
import { fetchClaim, fetchReviewQueue } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'
import { createPaymentBatch, fetchPaymentBatches } from './claim-payments-api'
import { PaymentBatches } from './PaymentBatches'

const ui = staffUi.claimPayments

interface Payable {
  id: string
  personName: string
  amountFen: number
  hasPayeeAccount: boolean
}

/**
 * Approved claims awaiting payment (the review queue as staff see it: approved
 * claims only; at the desk one can be added by its number), ticked and put into
 * a payment batch for the bank. A claim whose member has not chosen an account
 * cannot be ticked. Below, the batches: the bank file to download, the bank's
 * results to upload.
 */
export function ClaimPayments() {
  const listed = useLoad(fetchReviewQueue, [{ status: 'approved', limit: '100' }])
  const revalidate = useRevalidate()
  const [added, setAdded] = useState<Payable[]>([])
  const [selected, setSelected] = useState<string[]>([])
  const [made, setMade] = useState<ClaimPaymentBatch | null>(null)
  const [claimNumber, setClaimNumber] = useState('')
  const { busy, error, run, fail } = useSubmit()

  if (listed.status === 'error') return <ErrorState id='claim-payments-error' message={listed.message} onRetry={listed.retry} />
  const fromQueue: Payable[] = listed.status === 'ready'
    ? listed.value.claims.map((c) => ({ id: c.id, personName: c.personName, amountFen: c.approvedFen ?? c.estimateFen, hasPayeeAccount: c.hasPayeeAccount }))
    : []
  const claims = [...fromQueue, ...added.filter((a) => !fromQueue.some((c) => c.id === a.id))]

  const addById = () =>
    run(async () => {
      const claim = await fetchClaim(claimNumber.trim())
      if (claim.status !== 'approved') return fail(ui.notApproved)
      const payable = { id: claim.id, personName: claim.personName, amountFen: claim.decision?.approvedFen ?? claim.estimate.totalFen, hasPayeeAccount: claim.payeeAccount !== null }
      setAdded((rows) => [...rows.filter((r) => r.id !== claim.id), payable])
      setClaimNumber('')
    })

  const makeBatch = () => {
    if (selected.length === 0) return fail(ui.selectFirst)
    return run(async () => {
      setMade(await createPaymentBatch(selected))
      setAdded((rows) => rows.filter((r) => !selected.includes(r.id)))
      setSelected([])
      await revalidate(fetchReviewQueue, fetchPaymentBatches)
    })
  }

  return (
    <View className='pay-stack'>
      <View id='claim-payments' className='staff-card'>
        <Text className='staff-card__title'>{ui.approved}</Text>
        {listed.status === 'loading' && <LoadingState id='claim-payments-loading' />}
        {listed.status === 'ready' && claims.length === 0 && <Text id='claim-payments-empty' className='staff-muted'>{ui.empty}</Text>}
        {claims.map((claim) => {
          const on = selected.includes(claim.id)
          return (
            <View key={claim.id} id={`pay-row-${claim.id}`} className='staff-row pay-row'>
              <View
                id={`pay-select-${claim.id}`}
                className={`staff-chip${on ? ' staff-chip--on' : ''}`}
                role='checkbox'
                aria-checked={on}
                aria-disabled={!claim.hasPayeeAccount}
                onClick={() => claim.hasPayeeAccount && setSelected((s) => (on ? s.filter((id) => id !== claim.id) : [...s, claim.id]))}
              >
                <Text>{`${shortClaimNumber(claim.id)} · ${claim.personName} · ${formatYuan(claim.amountFen)}`}</Text>
              </View>
              {!claim.hasPayeeAccount && <Text id={`pay-no-payee-${claim.id}`} className='staff-tag staff-tag--error'>{ui.noPayee}</Text>}
            </View>
          )
        })}
        <Button id='pay-make-batch' className='staff-button staff-button--primary' disabled={busy || undefined} onClick={() => void makeBatch()}>
          {fillTemplate(ui.makeBatch, { count: selected.length })}
        </Button>
        <View className='staff-row pay-add'>
          <TextInput id='pay-claim-id' className='pay-row__reference' value={claimNumber} placeholder={ui.claimIdPlaceholder} onChange={setClaimNumber} />
          <Button id='pay-claim-add' className='staff-button staff-button--small' disabled={busy || claimNumber.trim() === '' || undefined} onClick={() => void addById()}>
            {ui.addById}
          </Button>
        </View>
        {error && <Text id='claim-payments-failed' className='staff-error-text'>{error}</Text>}
        {made && (
          <Text id='pay-batch-made' className='staff-tag staff-tag--ok' data-batch-id={made.id}>
            {fillTemplate(ui.batchMade, { count: made.count, amount: formatYuan(made.totalFen) })}
          </Text>
        )}
      </View>
      <PaymentBatches onChanged={() => void revalidate(fetchReviewQueue, fetchClaim)} />
    </View>
  )
}
