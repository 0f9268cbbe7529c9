import { useEffect, useMemo, useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import {
  eventKindLabels,
  fillTemplate,
  payeeUi,
  ui,
  type Catalogue,
  type Claim,
  type Enrolment,
  type EventKind,
  type PayoutEstimateResponse,
} from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { createClaim, estimatePayout } from '../../api/member'
import { formatDate } from '../../lib/format'
import { clearDraft, newDraft, saveDraft, type ClaimDraft, type FigureInputs } from './draft'
import { claimKindsFor } from './kinds'
import { estimateRequest, figureFieldsFor, readFigures, type FigureErrors, type FigureField } from './figures'
import { PayeeChooser } from './PayeeChooser'
import { PayoutLines } from './PayoutLines'
import { PhotoList, type PhotoItem } from './PhotoList'
import type { PhotoService } from './photos'
import { SlipIllustration, slipMarkers } from './SlipIllustration'
import { usePhotoUploads } from './use-photo-uploads'
import { ZeroPayoutConfirm } from './ZeroPayoutConfirm'
import './claims.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

const figureLabels: Record<FigureField, string> = {
  totalCost: ui.claim.totalCost,
  pooledOutOfPocket: ui.claim.pooledOutOfPocket,
  supplementaryOutOfPocket: ui.claim.supplementaryOutOfPocket,
  deductiblePaid: ui.claim.deductiblePaid,
  hospitalDays: ui.claim.hospitalDays,
  disabilityGrade: ui.claim.disabilityGrade,
}

type FieldErrors = Partial<Record<'enrolment' | 'eventDate' | 'diagnosis' | 'photos' | 'payee', string>> & FigureErrors

/** A date field: the mini-program's date picker, the browser's own date input in H5. */
function DateField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  if (isWeapp) {
    return (
      <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
        <View id='claim-date' className='field__input claim-date'>{value ? formatDate(value) : ui.common.choose}</View>
      </Picker>
    )
  }
  return <input id='claim-date' className='field__input' type='date' value={value} onChange={(e) => onChange(e.target.value)} />
}

function restoredItems(draft: ClaimDraft): PhotoItem[] {
  return draft.photos.map((p) => ({ key: p.key, kind: p.kind, status: 'done', percent: 100, preview: null, uploadId: p.uploadId, error: null, mediaType: p.mediaType ?? null }))
}

/** The chosen enrolment's catalogue (kept by the API layer once loaded); null while loading or when it cannot be had. */
function useCatalogue(id: string | null, load: ((id: string) => Promise<Catalogue>) | undefined): Catalogue | null {
  const [loaded, setLoaded] = useState<Catalogue | null>(null)
  useEffect(() => {
    if (id === null || !load) return
    let current = true
    load(id).then(
      (catalogue) => current && setLoaded(catalogue),
      () => undefined, // without the catalogue every kind is offered; the server still checks the claim
    )
    return () => {
      current = false
    }
  }, [id, load])
  return loaded && loaded.id === id ? loaded : null
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
  const [errors, setErrors] = useState<FieldErrors>({})
  const [activeFigure, setActiveFigure] = useState<FigureField | null>(null)
  const [estimate, setEstimate] = useState<{ key: string; value: PayoutEstimateResponse } | null>(null)
  const [busy, setBusy] = useState<'estimate' | 'submit' | null>(null)
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
  const { amounts, flags } = figureFieldsFor(draft.kind)
  const estimateKey = JSON.stringify([draft.enrolmentId, draft.kind, draft.eventDate, draft.figures])
  const freshEstimate = estimate && estimate.key === estimateKey ? estimate.value : null

  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setFigure = <K extends keyof FigureInputs>(key: K, value: FigureInputs[K]) => {
    setDraft((d) => ({ ...d, figures: { ...d.figures, [key]: value } }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  /** Checks what is needed for the estimate (and the claim); shows each problem at its field. */
  const check = (forSubmit: boolean) => {
    const next: FieldErrors = {}
    if (!enrolment) next.enrolment = ui.claim.required
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.eventDate)) next.eventDate = ui.claim.dateInvalid
    const figures = readFigures(draft.kind, draft.figures)
    if (!figures.ok) Object.assign(next, figures.errors)
    if (forSubmit) {
      if (draft.diagnosis.trim() === '') next.diagnosis = ui.claim.required
      if (uploads.uploaded.length === 0) next.photos = ui.claim.photosRequired
      if (uploads.busy) next.photos = ui.claim.waitUploads
      if (!draft.payeeAccountId) next.payee = payeeUi.chooseRequired
    }
    setErrors(next)
    return Object.keys(next).length === 0 && figures.ok && enrolment ? { figures: figures.figures, enrolment } : null
  }

  const runEstimate = async () => {
    const ok = check(false)
    if (!ok) return
    setBusy('estimate')
    setFailure(null)
    try {
      const value = await estimatePayout(estimateRequest(ok.enrolment, draft.kind, draft.eventDate, ok.figures))
      setEstimate({ key: estimateKey, value })
    } catch (e) {
      setFailure(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const submit = async (zeroConfirmed = false) => {
    const ok = check(true)
    if (!ok || !freshEstimate) return
    if (freshEstimate.totalFen === 0 && !zeroConfirmed) {
      setZeroAsked(estimateKey)
      return
    }
    setBusy('submit')
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
      setBusy(null)
    }
  }

  const discard = () => {
    clearDraft()
    uploads.reset()
    setEstimate(null)
    setErrors({})
    setDraft({ ...newDraft(), enrolmentId: enrolments[0]?.id ?? null })
  }

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

      {(amounts.length > 0 || flags.length > 0) && (
        <View id='claim-figures' className='card'>
          <Text className='card__title'>{ui.claim.figures}</Text>
          {amounts.some((f) => slipMarkers[f] !== '') && (
            <>
              <Text className='hint'>{ui.claim.figuresHint}</Text>
              <SlipIllustration fields={amounts} active={activeFigure} />
            </>
          )}
          {amounts.map((field) => (
            <View key={field} id={`field-claim-${field}`} className={`field${errors[field] ? ' has-error' : ''}`}>
              <Text className='field__label'>{`${slipMarkers[field]} ${figureLabels[field]}`}</Text>
              <Input
                id={`claim-${field}`}
                className='field__input'
                type={field === 'hospitalDays' || field === 'disabilityGrade' ? 'number' : 'digit'}
                value={draft.figures[field]}
                placeholder={field === 'hospitalDays' ? ui.claim.days : field === 'disabilityGrade' ? '' : ui.claim.yuan}
                onFocus={() => setActiveFigure(field)}
                onBlur={() => setActiveFigure(null)}
                onInput={(e) => setFigure(field, e.detail.value)}
              />
              {errors[field] && <Text id={`claim-${field}-error`} className='field-error'>{errors[field]}</Text>}
            </View>
          ))}
          {flags.map((flag) => (
            <View key={flag} id={`claim-${flag}`} className={`choice flag-row${draft.figures[flag] ? ' is-active' : ''}`} onClick={() => setFigure(flag, !draft.figures[flag])}>
              {`${draft.figures[flag] ? '☑' : '☐'} ${flag === 'inSitu' ? ui.claim.inSitu : ui.claim.femaleCancer}`}
            </View>
          ))}
        </View>
      )}

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
          estimate && <Text id='claim-estimate-stale' className='hint'>{ui.claim.estimateStale}</Text>
        )}
        {!freshEstimate && (
          <Button id='claim-estimate-button' block loading={busy === 'estimate'} onClick={() => void runEstimate()}>
            {busy === 'estimate' ? ui.claim.estimating : ui.claim.estimateButton}
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

      {failure && <Text id='claim-failure' className='field-error'>{failure}</Text>}
      {freshEstimate && zeroAsked === estimateKey ? (
        <ZeroPayoutConfirm estimate={freshEstimate} busy={busy === 'submit'} onSubmit={() => void submit(true)} onBack={() => setZeroAsked(null)} />
      ) : (
        <Button id='claim-submit' type='primary' block disabled={!freshEstimate || busy !== null} loading={busy === 'submit'} onClick={() => void submit()}>
          {busy === 'submit' ? ui.claim.submitting : ui.claim.submit}
        </Button>
      )}
      <Button id='claim-discard' block onClick={discard}>{ui.claim.discardDraft}</Button>
    </View>
  )
}
