import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { calendarUi, eventKindLabels, fillTemplate, formatYuan, openClaimStatuses, payingClaimStatuses, ui, type Claim, type ClaimStatus } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { addClaimMaterial, getClaim, listMyClaims, withdrawClaim } from '../../api/member'
import { ErrorState, LoadingState } from '../../components/StateView'
import { formatDate, formatInstantDate } from '../../lib/format'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { ClaimPayee } from './ClaimPayee'
import { ClaimTimeline } from './ClaimTimeline'
import { PayoutLines } from './PayoutLines'
import { PhotoList } from './PhotoList'
import { platformPhotos, type PhotoService } from './photos'
import { SentMaterial } from './SentMaterial'
import { usePhotoUploads } from './use-photo-uploads'
import './claims.scss'

/** What the reviewer asked for, added from this page: photos, then "send". */
function AddMaterial({ claim, photos, onSent }: { claim: Claim; photos: PhotoService; onSent: (claim: Claim) => void }) {
  const uploads = usePhotoUploads(photos, [])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const missing = claim.decision?.missing ?? []
  const send = async () => {
    if (uploads.uploaded.length === 0) return setError(ui.claim.photosRequired)
    if (uploads.busy) return setError(ui.claim.waitUploads)
    setBusy(true)
    setError(null)
    try {
      const updated = await addClaimMaterial(claim.id, { documents: uploads.uploaded.map((p) => ({ uploadId: p.uploadId!, kind: p.kind })) })
      uploads.reset()
      void Taro.showToast({ title: ui.claim.materialSent, icon: 'success' })
      onSent(updated)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id='claim-material' className='card'>
      <Text className='card__title'>{ui.claim.missing}</Text>
      <View className='choice-row'>
        {missing.map((kind) => (
          <Text key={kind} id={`claim-missing-${kind}`} className='badge badge--needs_material'>{ui.documentKind[kind]}</Text>
        ))}
      </View>
      {claim.decision?.note && <Text className='hint'>{fillTemplate(ui.claim.reviewerNote, { note: claim.decision.note })}</Text>}
      <PhotoList items={uploads.items} onKind={uploads.setKind} onRetry={uploads.retry} onRemove={uploads.remove} />
      <Button id='claim-material-add' block loading={uploads.choosing} onClick={() => void uploads.choose()}>{ui.claim.addPhotos}</Button>
      {error && <Text className='field-error'>{error}</Text>}
      <Button id='claim-material-send' type='primary' block loading={busy} onClick={() => void send()}>{ui.claim.sendMaterial}</Button>
    </View>
  )
}

/** One claim as its member follows it: status and steps with dates, due date, payout lines, where it is paid, missing material, what was sent, withdraw. */
export function ClaimDetailView({ claim, photos, onChange }: { claim: Claim; photos: PhotoService; onChange: (claim: Claim) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const open = (openClaimStatuses as readonly string[]).includes(claim.status)
  const decided = (payingClaimStatuses as readonly ClaimStatus[]).includes(claim.status)

  const withdraw = async () => {
    const answer = await Taro.showModal({ title: ui.claim.withdraw, content: ui.claim.withdrawConfirm, confirmText: ui.common.confirm, cancelText: ui.common.cancel })
    if (!answer.confirm) return
    setBusy(true)
    setError(null)
    try {
      onChange(await withdrawClaim(claim.id))
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View id='claim-detail' className='actions'>
      <View className='card'>
        <View className='claim-item__head'>
          <Text className='card__title'>{fillTemplate(ui.claim.eventOn, { kind: eventKindLabels[claim.kind], date: formatDate(claim.eventDate) })}</Text>
          <Text id='claim-status' className={`badge badge--${claim.status}`}>{ui.claimStatus[claim.status]}</Text>
        </View>
        <Text className='hint'>{claim.diagnosis}{claim.hospital ? ` · ${claim.hospital}` : ''}</Text>
        {open && <Text id='claim-due' className='hint'>{fillTemplate(ui.claim.dueOn, { date: formatDate(claim.dueOn) })}</Text>}
        {open && claim.dueOnProvisional && <Text id='claim-due-provisional' className='hint'>{calendarUi.provisional}</Text>}
        {open && claim.overdue && <Text className='field-error'>{ui.claim.overdue}</Text>}
        {claim.payment && (
          <Text id='claim-paid' className='notice'>
            {fillTemplate(ui.claim.paidAt, { date: claim.payment.paidOn ? formatDate(claim.payment.paidOn) : formatInstantDate(claim.payment.paidAt), reference: claim.payment.reference })}
          </Text>
        )}
      </View>

      {decided && claim.decision && (
        <View id='claim-payout' className='card'>
          <Text className='card__title'>{ui.claim.payout}</Text>
          <PayoutLines id='claim-payout-lines' lines={claim.decision.lines} total={claim.decision.approvedFen ?? 0} totalLabel={ui.claim.approvedTotal} />
          {claim.decision.note && <Text className='hint'>{fillTemplate(ui.claim.reviewerNote, { note: claim.decision.note })}</Text>}
        </View>
      )}
      {claim.status !== 'rejected' && claim.status !== 'withdrawn' && <ClaimPayee claim={claim} onChange={onChange} />}
      {claim.status === 'rejected' && claim.decision?.refusal && (
        <View id='claim-refusal' className='card'>
          <Text className='card__title'>{ui.claim.refusal}</Text>
          <Text>{claim.decision.refusal.text}</Text>
        </View>
      )}
      {!decided && claim.status !== 'rejected' && claim.status !== 'withdrawn' && (
        <Text id='claim-estimate-amount' className='hint'>{fillTemplate(ui.claim.estimateOf, { amount: formatYuan(claim.estimate.totalFen) })}</Text>
      )}
      {claim.status === 'needs_material' && <AddMaterial claim={claim} photos={photos} onSent={onChange} />}
      <SentMaterial claim={claim} />

      <View className='card'>
        <Text className='card__title'>{ui.claim.status}</Text>
        <ClaimTimeline history={claim.history} />
      </View>

      {error && <Text className='field-error'>{error}</Text>}
      {open && (
        <Button id='claim-withdraw' block loading={busy} onClick={() => void withdraw()}>{ui.claim.withdraw}</Button>
      )}
    </View>
  )
}

export function ClaimDetailScreen({ claimId, photos = platformPhotos }: { claimId: string; photos?: PhotoService }) {
  const state = useLoad(getClaim, [claimId])
  const revalidate = useRevalidate()
  // Material sent, a payee account corrected: this claim as the server answered, and the list of claims anew.
  const onChange = (claim: Claim) => {
    state.set(claim)
    void revalidate(listMyClaims)
  }
  if (state.status === 'loading') return <LoadingState id='claim-detail-loading' />
  if (state.status === 'error') return <ErrorState id='claim-detail-error' message={state.message} onRetry={state.retry} />
  return <ClaimDetailView claim={state.value} photos={photos} onChange={onChange} />
}
