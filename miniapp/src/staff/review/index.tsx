import { useMemo, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { eventKindLabels, eventKinds, parseYuan, staffUi, type ClaimSummary } from '@huzhu/shared'
import { usePages } from '../../lib/use-api'
import { ErrorState, LoadingState } from '../../components/StateView'
import { Chips, ChipsField } from '../components/Chips'
import { ClaimRow } from '../components/ClaimRow'
import { TextField } from '../components/Field'
import { StaffGate } from '../components/StaffGate'
import { fetchReviewQueue, fetchReviewSample, type QueueQuery } from '../lib/staff-api'
import { useSubmit } from '../lib/use-submit'
import '../staff.scss'
import './index.scss'

const ALL = 'all'
const queueStatuses = ['submitted', 'in_review', 'needs_material', 'approved'] as const

function Queue() {
  const [status, setStatus] = useState<string>(ALL)
  const [kind, setKind] = useState<string>(ALL)
  const [toggles, setToggles] = useState<string[]>([])
  const flagged = toggles.includes('flagged')
  const overdue = toggles.includes('overdue')
  // One object while the filters stay the same: a new one loads the queue again.
  const query = useMemo((): QueueQuery => ({
    ...(status !== ALL ? { status } : {}),
    ...(kind !== ALL ? { kind } : {}),
    ...(flagged ? { flagged: 'true' } : {}),
    ...(overdue ? { overdue: 'true' } : {}),
  }), [status, kind, flagged, overdue])

  // Page by page ("more"); back from a claim page (the queue has changed) the pages are read again.
  const { rows: claims, error, more, retry } = usePages(fetchReviewQueue, query, (page) => page.claims)

  return (
    <View id='review-queue' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.review.queue}</Text>
      <ChipsField
        label={staffUi.review.status}
        idPrefix='queue-status'
        options={[{ value: ALL, label: staffUi.review.all }, ...queueStatuses.map((s) => ({ value: s, label: staffUi.claimStatus[s] }))]}
        selected={[status]}
        onChange={([value]) => setStatus(value ?? ALL)}
      />
      <ChipsField
        label={staffUi.review.kind}
        idPrefix='queue-kind'
        options={[{ value: ALL, label: staffUi.review.all }, ...eventKinds.map((k) => ({ value: k, label: eventKindLabels[k] }))]}
        selected={[kind]}
        onChange={([value]) => setKind(value ?? ALL)}
      />
      <Chips
        idPrefix='queue-only'
        multiple
        options={[{ value: 'flagged', label: staffUi.review.flaggedOnly }, { value: 'overdue', label: staffUi.review.overdueOnly }]}
        selected={toggles}
        onChange={setToggles}
      />
      {error && <ErrorState id='queue-error' message={error} onRetry={retry} />}
      {!error && claims === null && <LoadingState id='queue-loading' />}
      {claims !== null && claims.length === 0 && <Text id='queue-empty' className='staff-muted'>{staffUi.review.empty}</Text>}
      {claims !== null && claims.length > 0 && (
        <View id='queue-list' className='claim-list'>
          {claims.map((claim) => (
            <ClaimRow key={claim.id} claim={claim} />
          ))}
        </View>
      )}
      {more && (
        <Button id='queue-more' className='staff-button' onClick={more}>
          {staffUi.review.more}
        </Button>
      )}
    </View>
  )
}

/** A second look: a random share of recent decisions, and all above an amount. */
function Sample() {
  const [share, setShare] = useState('10')
  const [above, setAbove] = useState('')
  const [claims, setClaims] = useState<ClaimSummary[] | null>(null)
  const { busy, error, run, fail } = useSubmit()
  const draw = () => {
    const aboveFen = above.trim() === '' ? undefined : parseYuan(above)
    if (aboveFen === null) return fail(staffUi.common.amountInvalid)
    return run(async () => {
      const page = await fetchReviewSample({ sharePercent: share.trim() || '10', ...(aboveFen !== undefined ? { aboveFen: String(aboveFen) } : {}) })
      setClaims(page.claims)
    })
  }
  return (
    <View id='review-sample' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.review.sample}</Text>
      <View className='staff-row'>
        <TextField id='sample-share' label={staffUi.review.sampleShare} value={share} onChange={setShare} type='number' />
        <TextField id='sample-above' label={staffUi.review.sampleAbove} value={above} onChange={setAbove} type='digit' />
      </View>
      <Button id='sample-run' className='staff-button' disabled={busy || undefined} onClick={() => void draw()}>
        {staffUi.review.sampleRun}
      </Button>
      {error && <Text className='staff-error-text'>{error}</Text>}
      {claims !== null && claims.length === 0 && <Text className='staff-muted'>{staffUi.review.sampleEmpty}</Text>}
      {claims !== null && claims.map((claim) => <ClaimRow key={claim.id} claim={claim} />)}
    </View>
  )
}

/** Reviewer workbench: the queue by due date, filters, paging, and a sample for a second look. */
export default function ReviewPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='review'>
        {() => (
          <View className='staff-wrap staff-columns review-desk'>
            <Queue />
            <Sample />
          </View>
        )}
      </StaffGate>
    </View>
  )
}
