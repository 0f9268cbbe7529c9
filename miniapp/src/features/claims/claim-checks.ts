import { payeeUi, ui, type ClaimFigures, type Enrolment } from '@huzhu/shared'
import type { ClaimDraft } from './draft'
import { readFigures, type FigureErrors } from './figures'

export type ClaimFieldErrors = Partial<Record<'enrolment' | 'eventDate' | 'diagnosis' | 'photos' | 'payee', string>> & FigureErrors

/** What the form knows about its photos when it checks the claim. */
export interface PhotosState {
  uploadedCount: number
  busy: boolean
}

export type ClaimCheck =
  | { ok: true; errors: ClaimFieldErrors; enrolment: Enrolment; figures: ClaimFigures }
  | { ok: false; errors: ClaimFieldErrors }

/**
 * Checks what the estimate needs (`forSubmit` false) or what the claim needs
 * (true: also the diagnosis, photos all uploaded, a payee account), each
 * problem at its field, before anything is sent; the server checks it all again.
 */
export function checkClaim(draft: ClaimDraft, enrolment: Enrolment | null, photos: PhotosState, forSubmit: boolean): ClaimCheck {
  const errors: ClaimFieldErrors = {}
  if (!enrolment) errors.enrolment = ui.claim.required
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.eventDate)) errors.eventDate = ui.claim.dateInvalid
  const figures = readFigures(draft.kind, draft.figures)
  if (!figures.ok) Object.assign(errors, figures.errors)
  if (forSubmit) {
    if (draft.diagnosis.trim() === '') errors.diagnosis = ui.claim.required
    if (photos.uploadedCount === 0) errors.photos = ui.claim.photosRequired
    if (photos.busy) errors.photos = ui.claim.waitUploads
    if (!draft.payeeAccountId) errors.payee = payeeUi.chooseRequired
  }
  if (Object.keys(errors).length === 0 && figures.ok && enrolment) return { ok: true, errors, enrolment, figures: figures.figures }
  return { ok: false, errors }
}
