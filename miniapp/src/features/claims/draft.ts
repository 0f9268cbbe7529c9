import { documentKinds, eventKinds, type DocumentKind, type EventKind } from '@huzhu/shared'
import { isObject, readStored, removeStored, writeStored } from '../../lib/storage'

const KEY = 'huzhu.claim.draft'

/** The settlement-slip figures as typed (yuan as text), so half-typed amounts survive. */
export interface FigureInputs {
  totalCost: string
  pooledOutOfPocket: string
  supplementaryOutOfPocket: string
  deductiblePaid: string
  hospitalDays: string
  disabilityGrade: string
  inSitu: boolean
  femaleCancer: boolean
}

export interface DraftPhoto {
  /** Local key of the photo on this phone. */
  key: string
  uploadId: string
  kind: DocumentKind
  /** The upload's type (a HEIC or PDF is shown as a tile, not fetched back); absent in drafts kept before it was recorded. */
  mediaType?: string
}

/**
 * A claim being written: kept in storage after every change, so closing the
 * app (or a crash, or a call) loses nothing; uploaded photos are kept by their
 * upload id (their thumbnails are fetched back from the server, upload-content.ts). `idempotencyKey` is made once per draft: a submit retried after a
 * network failure makes one claim.
 */
export interface ClaimDraft {
  enrolmentId: string | null
  kind: EventKind
  eventDate: string
  diagnosis: string
  hospital: string
  figures: FigureInputs
  photos: DraftPhoto[]
  /** The payee account chosen (absent in drafts kept before accounts were asked for). */
  payeeAccountId?: string | null
  idempotencyKey: string
}

export const emptyFigures: FigureInputs = {
  totalCost: '', pooledOutOfPocket: '', supplementaryOutOfPocket: '', deductiblePaid: '', hospitalDays: '', disabilityGrade: '',
  inSitu: false, femaleCancer: false,
}

export function newIdempotencyKey(): string {
  const random = Array.from({ length: 16 }, () => Math.floor(Math.random() * 36).toString(36)).join('')
  return `claim-${Date.now().toString(36)}-${random}`
}

export function newDraft(): ClaimDraft {
  return { enrolmentId: null, kind: 'inpatient', eventDate: '', diagnosis: '', hospital: '', figures: { ...emptyFigures }, photos: [], idempotencyKey: newIdempotencyKey() }
}

const isDraft = (value: unknown): value is ClaimDraft =>
  isObject(value) &&
  typeof value.idempotencyKey === 'string' &&
  typeof value.kind === 'string' && (eventKinds as readonly string[]).includes(value.kind) &&
  isObject(value.figures) &&
  Array.isArray(value.photos) &&
  value.photos.every((p) => isObject(p) && typeof p.uploadId === 'string' && (documentKinds as readonly string[]).includes(p.kind as string) &&
    (p.mediaType === undefined || typeof p.mediaType === 'string')) &&
  (value.payeeAccountId === undefined || value.payeeAccountId === null || typeof value.payeeAccountId === 'string')

export function readDraft(): ClaimDraft | null {
  const draft = readStored(KEY, isDraft)
  return draft ? { ...draft, figures: { ...emptyFigures, ...draft.figures } } : null
}

/** Whether the member has put anything into the draft yet (only then is it "restored"). */
export function hasContent(draft: ClaimDraft): boolean {
  const { inSitu, femaleCancer, ...amounts } = draft.figures
  return draft.eventDate !== '' || draft.diagnosis.trim() !== '' || draft.hospital.trim() !== '' || draft.photos.length > 0 ||
    inSitu || femaleCancer || Object.values(amounts).some((v) => v.trim() !== '')
}

export function saveDraft(draft: ClaimDraft): void {
  writeStored(KEY, draft)
}

export function clearDraft(): void {
  removeStored(KEY)
}
