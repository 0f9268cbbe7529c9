import { describe, expect, test } from '@jest/globals'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { builtInCatalogues, eventKinds, ui, type Catalogue, type Upload } from '@huzhu/shared'
import { ApiError } from '../src/api/errors'
import { ClaimForm } from '../src/features/claims/ClaimForm'
import { newDraft, readDraft, saveDraft } from '../src/features/claims/draft'
import { readFigures } from '../src/features/claims/figures'
import type { PhotoService, PickedPhoto } from '../src/features/claims/photos'
import { claimKindsFor } from '../src/features/claims/kinds'
import { claimFixture, enrolmentFixture, errorResponse, fakeServer, json, payeeAccountsRoute, shaanxi, shanghai } from './fixtures'
import { requests, setRequestHandler } from './taro-stub'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}
const type = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } })

function upload(id: string): Upload {
  return { id, mediaType: 'image/jpeg', size: 1000, sha256: id.padEnd(64, '0'), width: 800, height: 600, createdAt: '2026-11-25T03:00:00.000Z' }
}

/** A camera that gives `count` photos; uploads that succeed, or fail the first `failures` times. */
function fakePhotos(count = 2, failures = 0) {
  let uploaded = 0
  let failed = 0
  const progress: number[] = []
  const service: PhotoService = {
    choose: () => Promise.resolve(Array.from({ length: count }, (_, i): PickedPhoto => ({ preview: `blob:photo-${i}`, source: `file-${i}` }))),
    upload: async (_photo, onProgress) => {
      onProgress(50)
      progress.push(50)
      if (failed < failures) {
        failed++
        throw new ApiError('network')
      }
      uploaded++
      return upload(`upl_${uploaded}`)
    },
  }
  return { service, progress }
}

const estimate = {
  totalFen: 620_000,
  lines: [
    { product: 'ZY', productName: '住院+意外', benefit: 'inpatient', benefitName: '住院医疗', part: '统筹段', amountFen: 480_000, rule: 'percent', refusal: null, reason: '统筹段自付 8,000.00 × 60%' },
    { product: 'ZY', productName: '住院+意外', benefit: 'inpatient', benefitName: '住院医疗', part: '附加段', amountFen: 140_000, rule: 'percent', refusal: null, reason: '附加段自付 2,000.00 × 70%' },
  ],
}

function claimServer() {
  return fakeServer({
    ...payeeAccountsRoute(),
    'POST /api/v1/payout-estimates': json(estimate),
    'POST /api/v1/claims': json(claimFixture(), 201),
  })
}

function openForm(photos: PhotoService, restored = false) {
  let submitted: unknown = null
  const draft = readDraft() ?? newDraft()
  render(<ClaimForm enrolments={[enrolmentFixture()]} photos={photos} initial={draft} restored={restored} onSubmitted={(c) => (submitted = c)} />)
  return () => submitted
}

async function fillInpatient(photos: PhotoService) {
  type('claim-date', '2027-01-10')
  type('claim-diagnosis', '急性阑尾炎')
  type('claim-pooledOutOfPocket', '8,000')
  type('claim-supplementaryOutOfPocket', '2000.00')
  type('claim-hospitalDays', '12')
  await act(async () => {
    fireEvent.click(byId('claim-add-photos'))
  })
  await waitFor(() => expect(byId('photo-1-status').textContent).toBe(ui.claim.uploaded))
  return photos
}

/** The inpatient form filled in with one photo uploaded. */
async function fillInpatient1(photos: PhotoService) {
  type('claim-date', '2026-12-01')
  type('claim-diagnosis', '急性阑尾炎')
  type('claim-pooledOutOfPocket', '8000')
  type('claim-hospitalDays', '5')
  await act(async () => {
    fireEvent.click(byId('claim-add-photos'))
  })
  await waitFor(() => expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded))
  return photos
}

describe('claim form', () => {
  test('the settlement-slip figures become fen, days and flags; a bad amount is named at its field', () => {
    expect(readFigures('inpatient', { ...newDraft().figures, pooledOutOfPocket: '8,000', supplementaryOutOfPocket: '2000.5', hospitalDays: '12' }))
      .toEqual({ ok: true, figures: { pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_050, hospitalDays: 12 } })
    expect(readFigures('inpatient', { ...newDraft().figures, pooledOutOfPocket: '12.345', hospitalDays: '' }))
      .toEqual({ ok: false, errors: { pooledOutOfPocket: ui.claim.amountInvalid, hospitalDays: ui.claim.required } })
    expect(readFigures('accident_disability', { ...newDraft().figures, disabilityGrade: '11' }))
      .toEqual({ ok: false, errors: { disabilityGrade: ui.claim.gradeInvalid } })
    expect(readFigures('critical_illness', { ...newDraft().figures, inSitu: true })).toEqual({ ok: true, figures: { inSitu: true, femaleCancer: false } })
  })

  test('an inpatient claim shows the slip drawing and asks only for its figures', () => {
    openForm(fakePhotos().service)
    expect(byId('slip-illustration')).toBeTruthy()
    expect(byId('claim-hospitalDays')).toBeTruthy()
    expect(document.getElementById('claim-disabilityGrade')).toBeNull()

    fireEvent.click(byId('claim-kind-accident_disability'))
    expect(byId('claim-disabilityGrade')).toBeTruthy()
    expect(document.getElementById('claim-pooledOutOfPocket')).toBeNull()
  })

  test('photos upload with progress; the estimate comes before submit; submit sends one Idempotency-Key', async () => {
    setRequestHandler(claimServer())
    const { service, progress } = fakePhotos(2)
    const submitted = openForm(service)
    expect(byId('claim-submit').hasAttribute('disabled') || byId('claim-submit').className.includes('disabled')).toBe(true)
    await fillInpatient(service)
    expect(progress).toEqual([50, 50])
    expect(byId('photo-0-kind-invoice').className).toContain('is-active')
    expect(byId('photo-1-kind-settlement_slip').className).toContain('is-active')

    fireEvent.click(byId('claim-estimate-button'))
    await screen.findByText('统筹段自付 8,000.00 × 60%')
    expect(byId('claim-estimate-lines-total').textContent).toBe('¥6,200.00')
    expect(requests.find((r) => r.url === '/api/v1/payout-estimates')?.data).toEqual({
      catalogueId: 'shaanxi-gig-2023', products: ['ZY'], mode: 'instant', acceptedOn: '2026-11-25', sex: 'M',
      event: { kind: 'inpatient', date: '2027-01-10', pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 12 },
    })

    fireEvent.click(byId('claim-submit'))
    await waitFor(() => expect(submitted()).not.toBeNull())
    const sent = requests.find((r) => r.url === '/api/v1/claims')!
    expect(sent.header?.['Idempotency-Key']).toMatch(/^claim-[0-9a-z]+-[0-9a-z]{16}$/)
    expect(sent.data).toEqual({
      enrolmentId: 'enr_1', kind: 'inpatient', eventDate: '2027-01-10', diagnosis: '急性阑尾炎',
      figures: { pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 12 },
      documents: [{ uploadId: 'upl_1', kind: 'invoice' }, { uploadId: 'upl_2', kind: 'settlement_slip' }],
      payeeAccountId: 'pya_1',
    })
    expect(readDraft()).toBeNull()
  })

  test('changing a figure after the estimate asks for a new one before submit', async () => {
    setRequestHandler(claimServer())
    const { service } = fakePhotos(1)
    openForm(service)
    type('claim-date', '2027-01-10')
    type('claim-pooledOutOfPocket', '100')
    type('claim-hospitalDays', '2')
    fireEvent.click(byId('claim-estimate-button'))
    await screen.findByText('¥6,200.00')
    type('claim-pooledOutOfPocket', '200')

    expect(byId('claim-estimate-stale').textContent).toBe(ui.claim.estimateStale)
    expect(byId('claim-submit').className).toContain('disabled')
  })

  test('missing things are named at their fields; no photo, no claim', async () => {
    setRequestHandler(claimServer())
    openForm(fakePhotos().service)
    fireEvent.click(byId('claim-estimate-button'))

    expect(byId('claim-date-error').textContent).toBe(ui.claim.dateInvalid)
    expect(byId('claim-pooledOutOfPocket-error').textContent).toBe(ui.claim.required)
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  test('a failed upload says so and is sent again on "retry"', async () => {
    const { service } = fakePhotos(1, 1)
    openForm(service)
    await act(async () => {
      fireEvent.click(byId('claim-add-photos'))
    })
    await waitFor(() => expect(byId('photo-0-status').textContent).toContain(ui.claim.uploadFailed))
    expect(byId('photo-0').className).toContain('is-failed')

    await act(async () => {
      fireEvent.click(byId('photo-0-retry'))
    })
    await waitFor(() => expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded))
  })

  test('the draft (fields and uploaded photos) is saved as it is typed and restored after the app is closed', async () => {
    const { service } = fakePhotos(1)
    const first = openForm(service)
    type('claim-diagnosis', '骨折')
    type('claim-pooledOutOfPocket', '3000')
    await act(async () => {
      fireEvent.click(byId('claim-add-photos'))
    })
    await waitFor(() => expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded))
    expect(first()).toBeNull()

    const stored = readDraft()!
    expect(stored).toMatchObject({ diagnosis: '骨折', figures: { pooledOutOfPocket: '3000' }, photos: [{ uploadId: 'upl_1', kind: 'invoice' }] })
    document.body.innerHTML = ''

    openForm(service, true)
    expect(byId('claim-draft-restored').textContent).toBe(ui.claim.draftRestored)
    expect((byId('claim-diagnosis') as HTMLInputElement).value).toBe('骨折')
    expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded)
    expect(readDraft()!.idempotencyKey).toBe(stored.idempotencyKey)
    // (Its thumbnail is fetched back from the server: none here, so it says it cannot be shown; claim-photos.test.tsx has the rest.)
    await waitFor(() => expect(byId('photo-0-unavailable').textContent).toBe(ui.network.offline))
  })

  test('an estimate of ¥0 is said before submitting, with the engine’s reasons; the rider may go back, or send it all the same', async () => {
    const zero = {
      totalFen: 0,
      lines: [
        { product: 'ZY', productName: '住院+意外', benefit: 'inpatient', benefitName: '住院医疗', part: null, amountFen: 0, rule: 'waiting_period', refusal: { code: 'waiting_period', number: 2 }, reason: '第2号：事故日期 2026-12-01 在等待期内：住院保障从 2026-12-26 起生效' },
        { product: 'ZY', productName: '住院+意外', benefit: 'inpatient', benefitName: '住院医疗', part: null, amountFen: 0, rule: 'waiting_period', refusal: { code: 'waiting_period', number: 2 }, reason: '第2号：事故日期 2026-12-01 在等待期内：住院保障从 2026-12-26 起生效' },
      ],
    }
    setRequestHandler(fakeServer({ ...payeeAccountsRoute(), 'POST /api/v1/payout-estimates': json(zero), 'POST /api/v1/claims': json(claimFixture(), 201) }))
    const { service } = fakePhotos(1)
    const submitted = openForm(service)
    await fillInpatient1(service)
    fireEvent.click(byId('claim-estimate-button'))
    await waitFor(() => expect(byId('claim-estimate-lines-total').textContent).toBe('¥0.00'))

    fireEvent.click(byId('claim-submit'))
    expect(byId('claim-zero-title').textContent).toBe(ui.claim.zeroTitle)
    expect(byId('claim-zero-reason-0').textContent).toBe('第2号：事故日期 2026-12-01 在等待期内：住院保障从 2026-12-26 起生效')
    expect(document.getElementById('claim-zero-reason-1')).toBeNull()
    expect(requests.some((r) => r.url === '/api/v1/claims')).toBe(false)

    // Back: nothing sent, the form as it was.
    fireEvent.click(byId('claim-zero-back'))
    expect(document.getElementById('claim-zero-confirm')).toBeNull()
    expect(requests.some((r) => r.url === '/api/v1/claims')).toBe(false)

    // Asked again; sent all the same: a reviewer decides.
    fireEvent.click(byId('claim-submit'))
    fireEvent.click(byId('claim-zero-submit'))
    await waitFor(() => expect(submitted()).not.toBeNull())
    expect(requests.filter((r) => r.url === '/api/v1/claims')).toHaveLength(1)
  })

  test('a paying estimate is submitted without the ¥0 question', async () => {
    setRequestHandler(claimServer())
    const { service } = fakePhotos(1)
    const submitted = openForm(service)
    await fillInpatient1(service)
    fireEvent.click(byId('claim-estimate-button'))
    await screen.findByText('¥6,200.00')
    fireEvent.click(byId('claim-submit'))
    await waitFor(() => expect(submitted()).not.toBeNull())
    expect(document.getElementById('claim-zero-confirm')).toBeNull()
  })

  test('a refused submit keeps the draft and shows why', async () => {
    setRequestHandler(fakeServer({
      ...payeeAccountsRoute(),
      'POST /api/v1/payout-estimates': json(estimate),
      'POST /api/v1/claims': errorResponse(422, 'claim_outside_cover', '出险日期不在保障期间内'),
    }))
    const { service } = fakePhotos(2)
    saveDraft(newDraft())
    openForm(service)
    await fillInpatient(service)
    fireEvent.click(byId('claim-estimate-button'))
    await screen.findByText('¥6,200.00')
    fireEvent.click(byId('claim-submit'))

    expect((await screen.findByText('出险日期不在保障期间内')).id).toBe('claim-failure')
    expect(readDraft()).not.toBeNull()
  })

  test('the kind list offers only what the chosen enrolment’s products pay for (the shared engine decides)', async () => {
    const zy = enrolmentFixture()
    const critical = enrolmentFixture({
      id: 'enr_sh', catalogueId: 'shanghai-2020', catalogueName: '上海职工互助保障',
      products: [{ code: 'B0', name: '特种重病', shares: 1 }],
      coverFrom: { critical: '2027-02-24' },
    })
    const loaded: string[] = []
    const loadCatalogue = (id: string): Promise<Catalogue> => {
      loaded.push(id)
      return Promise.resolve(builtInCatalogues().get(id)!)
    }
    const kindsShown = () => Array.from(byId('field-claim-kind').querySelectorAll('[id^="claim-kind-"]')).map((e) => e.id.replace('claim-kind-', ''))
    render(<ClaimForm enrolments={[zy, critical]} loadCatalogue={loadCatalogue} photos={fakePhotos().service} initial={newDraft()} restored={false} onSubmitted={() => undefined} />)

    // 住院+意外 (ZY): inpatient and the two accident kinds, nothing else; the default kind stays.
    await waitFor(() => expect(kindsShown()).toEqual(['inpatient', 'accident_disability', 'accident_death']))
    expect(byId('claim-kind-inpatient').className).toContain('is-active')
    expect(document.getElementById('claim-kind-critical_illness')).toBeNull()

    // The Shanghai critical-illness product only: its one kind, chosen for the rider, with its own figures.
    fireEvent.click(byId('claim-enrolment-enr_sh'))
    await waitFor(() => expect(kindsShown()).toEqual(['critical_illness']))
    await waitFor(() => expect(byId('claim-kind-critical_illness').className).toContain('is-active'))
    expect(byId('claim-inSitu')).toBeTruthy()
    expect(document.getElementById('claim-hospitalDays')).toBeNull()
    expect(loaded).toEqual(['shaanxi-gig-2023', 'shanghai-2020'])
  })

  test('a catalogue loader that arrives after the first render is used: the kinds narrow to what the products pay for', async () => {
    const kindsShown = () => Array.from(byId('field-claim-kind').querySelectorAll('[id^="claim-kind-"]')).map((e) => e.id.replace('claim-kind-', ''))
    const props = { enrolments: [enrolmentFixture()], photos: fakePhotos().service, initial: newDraft(), restored: false, onSubmitted: () => undefined }
    const { rerender } = render(<ClaimForm {...props} />)
    expect(kindsShown()).toEqual([...eventKinds])

    rerender(<ClaimForm {...props} loadCatalogue={(id) => Promise.resolve(builtInCatalogues().get(id)!)} />)
    await waitFor(() => expect(kindsShown()).toEqual(['inpatient', 'accident_disability', 'accident_death']))
  })

  test('claim kinds: all of them while the catalogue is not at hand, or for a catalogue that is not the enrolment’s', () => {
    expect(claimKindsFor(enrolmentFixture(), null)).toEqual(eventKinds)
    expect(claimKindsFor(enrolmentFixture(), shanghai)).toEqual(eventKinds)
    expect(claimKindsFor(enrolmentFixture(), shaanxi)).toEqual(['inpatient', 'accident_disability', 'accident_death'])
    expect(claimKindsFor(enrolmentFixture({ catalogueId: 'shanghai-2020', products: [{ code: 'A0', name: '住院', shares: 1 }, { code: 'C1', name: '意外', shares: 2 }] }), shanghai))
      .toEqual(['inpatient', 'outpatient_serious', 'family_sickbed', 'accident_disability', 'accident_death', 'disease_death'])
  })

  test('each photo’s material type is one row of small chips under the photo; choosing one marks it and keeps it in the draft', async () => {
    const { service } = fakePhotos(1)
    openForm(service)
    await act(async () => {
      fireEvent.click(byId('claim-add-photos'))
    })
    await waitFor(() => expect(byId('photo-0-status').textContent).toBe(ui.claim.uploaded))
    const row = byId('photo-0-kinds')
    expect(row.parentElement?.id).toBe('photo-0')
    expect(row.querySelectorAll('.photo__kind')).toHaveLength(7)
    fireEvent.click(byId('photo-0-kind-bank_card'))
    expect(byId('photo-0-kind-bank_card').className).toContain('is-active')
    expect(byId('photo-0-kind-invoice').className).not.toContain('is-active')
    expect(readDraft()!.photos).toEqual([expect.objectContaining({ kind: 'bank_card' })])
  })
})
