import { useEffect, useMemo, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventKindLabels, fillTemplate, payeeUi, ui, type Catalogue, type Claim, type Enrolment, type EventKind } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { createClaim } from '../../api/member'
import { formatDate } from '../../lib/format'
import { checkClaim, type ClaimFieldErrors } from './claim-checks'
import { ClaimFiguresCard } from './ClaimFiguresCard'
import { DateField } from './DateField'
import { clearDraft, newDraft, saveDraft, type ClaimDraft, type FigureInputs } from './draft'
import { estimateRequest } from './figures'
import { claimKindsFor } from './kinds'
import { PayeeChooser } from './PayeeChooser'
import { PayoutLines } from './PayoutLines'
import { PhotoList, type PhotoItem } from './PhotoList'
import type { PhotoService } from './photos'
import { useCatalogue } from './use-catalogue'
import { useEstimate } from './use-estimate'
import { usePhotoUploads } from './use-photo-uploads'
import { ZeroPayoutConfirm } from './ZeroPayoutConfirm'
import './claims.scss'

function restoredItems(draft: ClaimDraft): PhotoItem[] {
  return draft.photos.map((p) => ({ key: p.key, kind: p.kind, status: 'done', percent: 100, preview: null, uploadId: p.uploadId, error: null, mediaType: p.mediaType ?? null }))
}

export interface ClaimFormProps {
  enrolments: readonly Enrolment[]
  /** Loads a catalogue by id, to offer only the kinds the enrolment's products cover; without it every kind is offered. */
  loadCatalogue?: (id: string) => Promise<Catalogue>
  photos: PhotoService
  initial: ClaimDraft
  restored: boolean
  onSubmitted: (claim: Claim) => void
}

/**
 * The new-claim form: which cover, what happened and when, the settlement-slip
 * figures (with the drawing of where each is), photos, then the payout
 * estimate (理赔试算), the bank account it is paid to (chosen, or added on the
 * spot), and submit; a claim estimated at ¥0 is sent only once the rider has
 * read why and confirmed. Everything is saved as a draft as it is typed.
 */
export function ClaimForm({ enrolments, loadCatalogue, photos, initial, restored, onSubmitted }: ClaimFormProps) {
  const [draft, setDraft] = useState<ClaimDraft>(() => ({ ...initial, enrolmentId: initial.enrolmentId ?? enrolments[0]?.id ?? null }))
  const uploads = usePhotoUploads(photos, useMemo(() => restoredItems(initial), [initial]))
  const [errors, setErrors] = useState<ClaimFieldErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  // The estimate (by its key) the rider was told pays nothing: the next submit of that same claim is theirs to confirm.
  const [zeroAsked, setZeroAsked] = useState<string | null>(null)

  // The draft (fields and uploaded photos) is saved on every change.
  useEffect(() => {
    saveDraft({ ...draft, photos: uploads.uploaded.map((p) => ({ key: p.key, uploadId: p.uploadId!, kind: p.kind, ...(p.mediaType ? { mediaType: p.mediaType } : {}) })) })
  }, [draft, uploads.uploaded])

  const enrolment = enrolments.find((e) => e.id === draft.enrolmentId) ?? null
  const catalogue = useCatalogue(enrolment?.catalogueId ?? null, loadCatalogue)
  const kinds = claimKindsFor(enrolment, catalogue)

  // A kind the chosen cover does not pay for (another enrolment, an old draft) gives way to the first it does.
  useEffect(() => {
    if (!kinds.includes(draft.kind)) setDraft((d) => ({ ...d, kind: kinds[0]! }))
  }, [kinds, draft.kind])
  const estimateKey = JSON.stringify([draft.enrolmentId, draft.kind, draft.eventDate, draft.figures])
  const estimate = useEstimate(estimateKey)
  const freshEstimate = estimate.fresh

  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setFigure = <K extends keyof FigureInputs>(key: K, value: FigureInputs[K]) => {
    setDraft((d) => ({ ...d, figures: { ...d.figures, [key]: value } }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  /** Checks the form, showing each problem at its field. */
  const check = (forSubmit: boolean) => {
    const result = checkClaim(draft, enrolment, { uploadedCount: uploads.uploaded.length, busy: uploads.busy }, forSubmit)
    setErrors(result.errors)
    return result.ok ? result : null
  }

  const runEstimate = async () => {
    const ok = check(false)
    if (!ok) return
    setFailure(null)
    await estimate.run(estimateRequest(ok.enrolment, draft.kind, draft.eventDate, ok.figures))
  }

  const submit = async (zeroConfirmed = false) => {
    const ok = check(true)
    if (!ok || !freshEstimate) return
    if (freshEstimate.totalFen === 0 && !zeroConfirmed) {
      setZeroAsked(estimateKey)
      return
    }
    setSubmitting(true)
    setFailure(null)
    try {
      const claim = await createClaim(
        {
          enrolmentId: ok.enrolment.id,
          kind: draft.kind,
          eventDate: draft.eventDate,
          diagnosis: draft.diagnosis.trim(),
          ...(draft.hospital.trim() !== '' ? { hospital: draft.hospital.trim() } : {}),
          figures: ok.figures,
          documents: uploads.uploaded.map((p) => ({ uploadId: p.uploadId!, kind: p.kind })),
          payeeAccountId: draft.payeeAccountId!,
        },
        draft.idempotencyKey,
      )
      clearDraft()
      onSubmitted(claim)
    } catch (e) {
      setFailure(errorMessage(e))
      setSubmitting(false)
    }
  }

  const discard = () => {
    clearDraft()
    uploads.reset()
    estimate.clear()
    setErrors({})
    setDraft({ ...newDraft(), enrolmentId: enrolments[0]?.id ?? null })
  }
  const busy = submitting || estimate.estimating
  const shownFailure = failure ?? estimate.failure

  return (
    <View id='claim-form' className='claim-form actions'>
      {restored && <Text id='claim-draft-restored' className='notice'>{ui.claim.draftRestored}</Text>}

      <View className='card'>
        <View id='field-claim-enrolment' className='field'>
          <Text className='field__label'>{ui.claim.enrolment}</Text>
          <View className='choice-row'>
            {enrolments.map((e) => (
              <View key={e.id} id={`claim-enrolment-${e.id}`} className={`choice${draft.enrolmentId === e.id ? ' is-active' : ''}`} onClick={() => set('enrolmentId', e.id)}>
                {fillTemplate(ui.claim.enrolmentOption, { name: e.catalogueName, date: formatDate(e.start) })}
              </View>
            ))}
          </View>
          {errors.enrolment && <Text className='field-error'>{errors.enrolment}</Text>}
        </View>
        <View id='field-claim-kind' className='field'>
          <Text className='field__label'>{ui.claim.kind}</Text>
          <View className='choice-row'>
            {kinds.map((k: EventKind) => (
              <View key={k} id={`claim-kind-${k}`} className={`choice${draft.kind === k ? ' is-active' : ''}`} onClick={() => set('kind', k)}>
                {eventKindLabels[k]}
              </View>
            ))}
          </View>
        </View>
        <View id='field-claim-date' className={`field${errors.eventDate ? ' has-error' : ''}`}>
          <Text className='field__label'>{ui.claim.eventDate}</Text>
          <DateField value={draft.eventDate} onChange={(v) => { set('eventDate', v); setErrors((e) => ({ ...e, eventDate: undefined })) }} />
          {errors.eventDate && <Text id='claim-date-error' className='field-error'>{errors.eventDate}</Text>}
        </View>
        <View id='field-claim-diagnosis' className={`field${errors.diagnosis ? ' has-error' : ''}`}>
          <Text className='field__label'>{ui.claim.diagnosis}</Text>
          <Input id='claim-diagnosis' className='field__input' value={draft.diagnosis} maxlength={200} placeholder={ui.claim.diagnosisPlaceholder} onInput={(e) => set('diagnosis', e.detail.value)} />
          {errors.diagnosis && <Text id='claim-diagnosis-error' className='field-error'>{errors.diagnosis}</Text>}
        </View>
        <View className='field'>
          <Text className='field__label'>{ui.claim.hospital}</Text>
          <Input id='claim-hospital' className='field__input' value={draft.hospital} maxlength={100} placeholder={ui.claim.hospitalPlaceholder} onInput={(e) => set('hospital', e.detail.value)} />
        </View>
      </View>

      <ClaimFiguresCard kind={draft.kind} figures={draft.figures} errors={errors} onFigure={setFigure} />

      <View id='claim-photos' className='card'>
        <Text className='card__title'>{ui.claim.photos}</Text>
        <Text className='hint'>{ui.claim.photosHint}</Text>
        <PhotoList items={uploads.items} onKind={uploads.setKind} onRetry={uploads.retry} onRemove={uploads.remove} />
        {errors.photos && <Text id='claim-photos-error' className='field-error'>{errors.photos}</Text>}
        <Button id='claim-add-photos' block loading={uploads.choosing} onClick={() => void uploads.choose()}>{ui.claim.addPhotos}</Button>
      </View>

      <View id='claim-estimate' className='card'>
        <Text className='card__title'>{ui.claim.estimate}</Text>
        <Text className='hint'>{ui.claim.estimateHint}</Text>
        {freshEstimate ? (
          <PayoutLines id='claim-estimate-lines' lines={freshEstimate.lines} total={freshEstimate.totalFen} totalLabel={ui.claim.estimateTotal} />
        ) : (
          estimate.stale && <Text id='claim-estimate-stale' className='hint'>{ui.claim.estimateStale}</Text>
        )}
        {!freshEstimate && (
          <Button id='claim-estimate-button' block loading={estimate.estimating} onClick={() => void runEstimate()}>
            {estimate.estimating ? ui.claim.estimating : ui.claim.estimateButton}
          </Button>
        )}
      </View>

      <View id='claim-payee' className='card'>
        <Text className='card__title'>{payeeUi.chooseTitle}</Text>
        <PayeeChooser
          idPrefix='claim-payee'
          selected={draft.payeeAccountId ?? null}
          onSelect={(id) => { set('payeeAccountId', id); setErrors((e) => ({ ...e, payee: undefined })) }}
          error={errors.payee}
        />
      </View>

      {shownFailure && <Text id='claim-failure' className='field-error'>{shownFailure}</Text>}
      {freshEstimate && zeroAsked === estimateKey ? (
        <ZeroPayoutConfirm estimate={freshEstimate} busy={submitting} onSubmit={() => void submit(true)} onBack={() => setZeroAsked(null)} />
      ) : (
        <Button id='claim-submit' type='primary' block disabled={!freshEstimate || busy} loading={submitting} onClick={() => void submit()}>
          {submitting ? ui.claim.submitting : ui.claim.submit}
        </Button>
      )}
      <Button id='claim-discard' block onClick={discard}>{ui.claim.discardDraft}</Button>
    </View>
  )
}
