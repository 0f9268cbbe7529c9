import { Readable } from 'node:stream'
import { addDays, daysBetween, MAX_UPLOAD_BYTES } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../clock'
import type { Config } from '../config'
import type { Db } from '../db/open'
import { newId } from '../ids'
import { unwrap } from '../outcome'
import type { DataProtector } from '../crypto/protector'
import type { CatalogueStore } from '../features/catalogues/catalogue-store'
import { recordBankResults } from '../features/claim-payments/bank-results.service'
import { createPaymentBatch } from '../features/claim-payments/claim-payments.service'
import { submitClaim, withdrawClaim } from '../features/claims/claims.service'
import { importMedicalRecords } from '../features/medical-records/medical-records.service'
import { activeConsentRow, findProfileRow } from '../features/members/members.repository'
import { accountNumberOf } from '../features/payee-accounts/payee-accounts.presenter'
import { addPayeeAccount } from '../features/payee-accounts/payee-accounts.service'
import { listOwnAccountRows } from '../features/payee-accounts/payee-accounts.repository'
import { decideClaim, startReview } from '../features/review/review.service'
import { discardFile, receiveFile, storeFile } from '../features/uploads/upload-files'
import { recordUpload } from '../features/uploads/uploads.service'
import type { BlobStore } from '../files/blob-store'
import { DEMO_HOSPITALS, demoClaimPlan, demoRefusals, type DemoClaimSpec } from './claim-plan'
import { DEMO_UNITS } from './office'
import { clockOn, demoCardNumber, markPastMessagesSent } from './people'

export interface DemoClaimDeps {
  clock: Clock
  catalogues: CatalogueStore
  protector: DataProtector
  config: Pick<Config, 'dataDir'>
  blobs: BlobStore
}

/** The member's default payee account, adding a demo card in their profile's name the first time. */
async function demoPayeeAccount(db: Db, deps: DemoClaimDeps, userId: string, n: number): Promise<string> {
  const existing = (await listOwnAccountRows(db, userId))[0]
  if (existing) return existing.id
  const profile = await findProfileRow(db, userId)
  if (!profile) throw new Error(`demo member ${userId} has no profile`)
  const account = await addPayeeAccount(db, deps, userId, { holderName: profile.name, bankName: '中国工商银行西安雁塔支行', accountNumber: demoCardNumber(n) })
  return account.id
}

function demoPdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% demo material: ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1')
}

/** Accounts linked to a person who holds an active enrolment, with what picking a claimant needs. */
async function enrolledMembers(db: Db, excluded: readonly string[]) {
  let query = db
    .selectFrom('person_accounts as pa')
    .innerJoin('enrolments as e', 'e.insured_person_id', 'pa.insured_person_id')
    .innerJoin('insured_persons as p', 'p.id', 'pa.insured_person_id')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .select(['pa.user_id', 'e.id as enrolment_id', 'e.start_on', 'e.end_on', 'e.mode', 'p.birth_date', 'p.id_number_hash', 'u.name as unit_name', 'u.region_code'])
    .where('e.status', '=', 'active')
  if (excluded.length > 0) query = query.where('pa.user_id', 'not in', excluded)
  return query.orderBy('e.start_on').orderBy('pa.user_id').execute()
}
type Member = Awaited<ReturnType<typeof enrolledMembers>>[number]

const ageOn = (birthDate: string, day: string) => {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years
}

/** Days in hospital before a claim was sent, and days between discharge and sending. */
const stayOf = (i: number) => ({ days: 3 + (i % 5), beforeSending: 2 + (i % 4) })

interface Placed {
  spec: DemoClaimSpec
  index: number
  member: Member
  eventDate: string
  dischargedOn: string
  hospital: string
  /** The day it was sent, then each later step's day (never after today). */
  on: (after: number) => string
}

/**
 * Picks each claim's member (the wanted unit or city and age, cover in force
 * on the event date, hospital claims past any waiting period; failing that,
 * whoever fits best) and its days, shifted later when the member's cover
 * started after the planned event, and never after today.
 */
function placeClaims(members: readonly Member[], today: string): Placed[] {
  const used = new Map<string, number>()
  return demoClaimPlan.map((spec, index) => {
    const stay = stayOf(index)
    const planned = addDays(today, -spec.daysAgo)
    const plannedEvent = addDays(planned, -(stay.days + stay.beforeSending))
    const firstClaimable = (m: Member) => addDays(m.start_on, m.mode === 'instant' ? 31 : 0)
    const wanted = (m: Member) => (spec.unit === undefined || m.unit_name === DEMO_UNITS[spec.unit]!.name)
      && (spec.city === undefined || (m.region_code ?? '').startsWith(spec.city))
    const fits = (m: Member) => wanted(m) && firstClaimable(m) <= plannedEvent && plannedEvent <= m.end_on
      && (spec.ages === undefined || (ageOn(m.birth_date, plannedEvent) >= spec.ages[0] && ageOn(m.birth_date, plannedEvent) <= spec.ages[1]))
    const fewestUses = (list: readonly Member[]) => [...list].sort((a, b) => (used.get(a.user_id) ?? 0) - (used.get(b.user_id) ?? 0))[0]
    const member = fewestUses(members.filter(fits)) ?? fewestUses(members.filter(wanted)) ?? fewestUses(members)!
    used.set(member.user_id, (used.get(member.user_id) ?? 0) + 1)
    const shift = Math.max(0, daysBetween(plannedEvent, firstClaimable(member)))
    const cap = (day: string) => (day > today ? today : day)
    // Inside the cover, whatever the plan said (an office whose cover ended long ago claims on its last days).
    const eventDate = [addDays(plannedEvent, shift), member.end_on, today].sort()[0]!
    const hospitals = DEMO_HOSPITALS[(member.region_code ?? '6101').slice(0, 4)] ?? DEMO_HOSPITALS['6101']!
    return {
      spec, index, member, eventDate, dischargedOn: addDays(eventDate, stay.days), hospital: hospitals[index % hospitals.length]!,
      on: (after: number) => cap(addDays(planned, shift + after)),
    }
  })
}

/** Staff put claims into a payment batch; the bank's result comes back later. */
async function resultFromBank(db: Db, deps: DemoClaimDeps, staffId: string, batchId: string, claimId: string, result: 'paid' | 'failed', reference: string): Promise<void> {
  const line = await db.selectFrom('claim_payment_lines as l').innerJoin('payee_accounts as a', 'a.id', 'l.payee_account_id')
    .select(['l.amount_fen', 'a.id', 'a.number_ciphertext']).where('l.batch_id', '=', batchId).where('l.claim_id', '=', claimId).executeTakeFirstOrThrow()
  await recordBankResults(db, deps, staffId, batchId, [{
    row: 2, claimNumber: claimId, account: accountNumberOf(deps.protector, line), amountFen: line.amount_fen, result,
    reason: result === 'failed' ? '账户已销户' : null, settledOn: todayInChina(deps.clock), reference: result === 'paid' ? reference : null, problem: null,
  }], { userId: staffId, ip: null, requestId: 'demo-seed' })
}

const firstWithRole = async (db: Db, roles: string[]) =>
  (await db.selectFrom('role_grants').select('user_id').where('role', 'in', roles).orderBy('granted_at').executeTakeFirst())?.user_id

interface Step {
  on: string
  minute: number
  run: (db: Db, deps: DemoClaimDeps) => Promise<void>
}

/**
 * Seeds the demo's claims (demo/claim-plan.ts) through the same services as
 * the API, each step on its own day in date order: sent with a small PDF
 * invoice and paid to the member's demo bank card; reviewed, decided or
 * withdrawn; paid through a payment batch and the bank's result (one returned
 * by the bank and awaiting payment again); the 宝鸡 claims approved straight
 * through on medical-insurance settlement records imported first. Needs members
 * with an active enrolment and an account (seed those first), the first
 * reviewer and the first staff (or admin) account; without a reviewer only
 * claims that end as sent are made. Does nothing when claims exist already.
 * Returns the ids of the claims made, in plan order.
 */
export async function seedDemoClaims(db: Db, deps: DemoClaimDeps): Promise<string[]> {
  if ((await db.selectFrom('claims').select('id').limit(1).execute()).length > 0) return []
  const reviewerId = await firstWithRole(db, ['reviewer'])
  const staffId = await firstWithRole(db, ['staff', 'admin'])
  // Nobody who handles claims claims in the demo: a reviewer never decides their own.
  const handlers = (await db.selectFrom('role_grants').select('user_id').where('role', 'in', ['reviewer', 'staff', 'admin']).execute()).map((r) => r.user_id)
  const members = await enrolledMembers(db, handlers)
  if (members.length === 0) return []
  const today = todayInChina(deps.clock)
  const claimIds: string[] = []
  const steps: Step[] = []
  const actor = (userId: string | null) => ({ userId, ip: null, requestId: 'demo-seed' })
  let paidReference = 0

  for (const placed of placeClaims(members, today)) {
    const { spec, index, member } = placed
    const needsReviewer = spec.end !== 'submitted' && spec.end !== 'withdrawn' && !spec.settled
    if ((needsReviewer && !reviewerId) || ((spec.batch !== undefined || spec.settled) && !staffId)) continue
    const slot = claimIds.push('') - 1
    const claimId = () => claimIds[slot]!
    if (spec.settled) {
      steps.push({ on: placed.on(-1), minute: 0, run: async (trx, d) => void (await importMedicalRecords(trx, d, (add) => add({
        row: 2, idNumberHash: member.id_number_hash, hospital: placed.hospital, admittedOn: placed.eventDate, dischargedOn: placed.dischargedOn,
        totalCostFen: spec.figures.totalCostFen ?? 0, pooledOutOfPocketFen: spec.figures.pooledOutOfPocketFen ?? 0,
        supplementaryOutOfPocketFen: spec.figures.supplementaryOutOfPocketFen ?? 0, deductibleFen: 0,
      }), staffId!, actor(staffId!))) })
    }
    steps.push({ on: placed.on(0), minute: 10 + index, run: async (trx, d) => {
      const file = await receiveFile(Readable.from([demoPdf(`${spec.diagnosis} ${index}`)]), d.config.dataDir, MAX_UPLOAD_BYTES, undefined)
      try {
        await storeFile(d.blobs, file)
        if (!(await activeConsentRow(trx, member.user_id, 'medical_data'))) {
          await trx.insertInto('consents').values({
            id: newId('cns', d.clock.now()), user_id: member.user_id, kind: 'medical_data', text_version: '2026-11-01',
            given_at: nowIso(d.clock), ip: null, request_id: 'demo-seed', withdrawn_at: null,
          }).execute()
        }
        const upload = await recordUpload(trx, d.clock, member.user_id, file)
        const payeeAccountId = await demoPayeeAccount(trx, d, member.user_id, index + 1)
        claimIds[slot] = (await submitClaim(trx, d, member.user_id, `demo-claim-${index}`, {
          enrolmentId: member.enrolment_id, kind: spec.kind, eventDate: placed.eventDate, diagnosis: spec.diagnosis, hospital: placed.hospital,
          figures: spec.figures, invoiceNumbers: [`DEMO${String(index + 1).padStart(6, '0')}`], documents: [{ uploadId: upload.id, kind: 'invoice' }], payeeAccountId,
        })).claimId
      } finally {
        await discardFile(file)
      }
    } })
    if (spec.review !== undefined && reviewerId) {
      steps.push({ on: placed.on(spec.review), minute: 60, run: async (trx, d) => void (await startReview(trx, d, reviewerId, claimId(), actor(reviewerId))) })
    }
    if (spec.decide !== undefined) {
      steps.push({ on: placed.on(spec.decide), minute: 120, run: async (trx, d) => {
        if (spec.end === 'withdrawn') return void (await withdrawClaim(trx, d, member.user_id, claimId(), '已通过其他渠道报销'))
        const decision = spec.end === 'needs_material'
          ? { decision: 'request_material' as const, missing: ['settlement_slip' as const, 'discharge_summary' as const], note: '请补充医保结算单和出院小结' }
          : spec.end === 'rejected'
            ? { decision: 'reject' as const, refusal: 'other' as const, note: demoRefusals[demoClaimPlan.filter((s) => s.end === 'rejected').indexOf(spec)] ?? demoRefusals[0] }
            : { decision: 'approve' as const }
        // A claim the member's plan pays nothing on (another office's catalogue) stays with the reviewer.
        const { estimate_fen } = await trx.selectFrom('claims').select('estimate_fen').where('id', '=', claimId()).executeTakeFirstOrThrow()
        if (decision.decision === 'approve' && estimate_fen <= 0) return
        unwrap(await decideClaim(trx, d, reviewerId!, claimId(), decision, actor(reviewerId!)))
      } })
    }
    if (spec.batch !== undefined) {
      let batchId = ''
      steps.push({ on: placed.on(spec.batch), minute: 240, run: async (trx, d) => {
        const claim = await trx.selectFrom('claims').select('status').where('id', '=', claimId()).executeTakeFirstOrThrow()
        // Only an approved claim goes to the bank (a shifted claim in a small office may still be waiting).
        if (claim.status === 'approved') batchId = (await createPaymentBatch(trx, d, staffId!, [claimId()])).id
      } })
      if (spec.bank !== undefined) {
        const reference = `DEMO-PAY-${String(++paidReference).padStart(4, '0')}`
        steps.push({ on: placed.on(spec.bank), minute: 300, run: async (trx, d) => {
          if (batchId) await resultFromBank(trx, d, staffId!, batchId, claimId(), spec.end === 'returned' ? 'failed' : 'paid', reference)
        } })
      }
    }
  }

  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.minute - b.minute))
  // One transaction: a half-seeded office is never left behind, and one commit is much faster than one a step.
  await db.transaction().execute(async (trx) => {
    for (const step of steps) await step.run(trx, { ...deps, clock: clockOn(step.on, step.minute) })
    await markPastMessagesSent(trx, today)
  })
  return claimIds.filter((id) => id !== '')
}
