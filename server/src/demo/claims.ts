import { Readable } from 'node:stream'
import { addDays, MAX_UPLOAD_BYTES } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../clock'
import type { Config } from '../config'
import type { Db } from '../db/open'
import { newId } from '../ids'
import { unwrap } from '../outcome'
import type { DataProtector } from '../crypto/protector'
import type { CatalogueStore } from '../features/catalogues/catalogue-store'
import { recordBankResults } from '../features/claim-payments/bank-results.service'
import { createPaymentBatch } from '../features/claim-payments/claim-payments.service'
import { submitClaim } from '../features/claims/claims.service'
import { activeConsentRow, findProfileRow } from '../features/members/members.repository'
import { accountNumberOf } from '../features/payee-accounts/payee-accounts.presenter'
import { addPayeeAccount } from '../features/payee-accounts/payee-accounts.service'
import { listOwnAccountRows } from '../features/payee-accounts/payee-accounts.repository'
import { decideClaim, startReview } from '../features/review/review.service'
import { discardFile, receiveFile, storeFile } from '../features/uploads/upload-files'
import { recordUpload } from '../features/uploads/uploads.service'
import type { BlobStore } from '../files/blob-store'

export interface DemoClaimDeps {
  clock: Clock
  catalogues: CatalogueStore
  protector: DataProtector
  config: Pick<Config, 'dataDir'>
  blobs: BlobStore
}

/** Demo UnionPay card numbers (the Luhn check digit holds), one per demo member in turn. */
const demoCardNumbers = ['6222021234567890128', '6217000123456789019', '6228480012345671']

/** The member's default payee account, adding a demo card in their profile's name the first time. */
async function demoPayeeAccount(db: Db, deps: DemoClaimDeps, userId: string, index: number): Promise<string> {
  const existing = (await listOwnAccountRows(db, userId))[0]
  if (existing) return existing.id
  const profile = await findProfileRow(db, userId)
  if (!profile) throw new Error(`demo member ${userId} has no profile`)
  const account = await addPayeeAccount(db, deps, userId, {
    holderName: profile.name, bankName: '中国工商银行西安雁塔支行', accountNumber: demoCardNumbers[index % demoCardNumbers.length]!,
  })
  return account.id
}

/** What each demo claim ends as, and the figures it carries. */
const plan = [
  { end: 'submitted', kind: 'inpatient', figures: { totalCostFen: 1_260_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000 }, diagnosis: '急性阑尾炎' },
  { end: 'in_review', kind: 'accident_disability', figures: { disabilityGrade: 9 }, diagnosis: '送餐途中摔伤，右手腕骨折' },
  { end: 'needs_material', kind: 'inpatient', figures: { pooledOutOfPocketFen: 320_000 }, diagnosis: '肺炎' },
  { end: 'approved', kind: 'inpatient', figures: { totalCostFen: 680_000, pooledOutOfPocketFen: 210_000, supplementaryOutOfPocketFen: 60_000 }, diagnosis: '右下肢骨折术后' },
  { end: 'paid', kind: 'inpatient', figures: { pooledOutOfPocketFen: 450_000, supplementaryOutOfPocketFen: 90_000 }, diagnosis: '胆囊结石' },
  { end: 'rejected', kind: 'inpatient', figures: { pooledOutOfPocketFen: 90_000 }, diagnosis: '体检' },
] as const

function demoPdf(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% demo material: ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1')
}

/** Accounts linked to a person who holds an active enrolment (the demo's enrolled riders). */
function enrolledMembers(db: Db) {
  return db
    .selectFrom('person_accounts')
    .innerJoin('enrolments', 'enrolments.insured_person_id', 'person_accounts.insured_person_id')
    .select(['person_accounts.user_id', 'enrolments.id as enrolment_id', 'enrolments.start_on', 'enrolments.end_on'])
    .where('enrolments.status', '=', 'active')
    .orderBy('person_accounts.user_id')
    .execute()
}

/** Staff put the claim into a payment batch and import the bank's result: paid today, with the bank's serial number. */
async function payThroughBank(db: Db, deps: DemoClaimDeps, staffId: string, claimId: string, reference: string): Promise<void> {
  const batch = await createPaymentBatch(db, deps, staffId, [claimId])
  const line = await db.selectFrom('claim_payment_lines as l').innerJoin('payee_accounts as a', 'a.id', 'l.payee_account_id')
    .select(['l.amount_fen', 'a.id', 'a.number_ciphertext']).where('l.batch_id', '=', batch.id).executeTakeFirstOrThrow()
  await recordBankResults(db, deps, staffId, batch.id, [{
    row: 2, claimNumber: claimId, account: accountNumberOf(deps.protector, line), amountFen: line.amount_fen, result: 'paid',
    reason: null, settledOn: todayInChina(deps.clock), reference, problem: null,
  }], { userId: staffId, ip: null, requestId: 'demo-seed' })
}

const clampDate = (date: string, from: string, to: string) => (date < from ? from : date > to ? to : date)

const firstWithRole = async (db: Db, roles: string[]) =>
  (await db.selectFrom('role_grants').select('user_id').where('role', 'in', roles).orderBy('granted_at').executeTakeFirst())?.user_id

/**
 * Seeds a few claims in different statuses (submitted, in review, needs
 * material, approved, paid, rejected) for the demo, through the same services
 * as the API, so history, flags, estimates and messages are real. Uses members
 * who already have an active enrolment (seed those first) and the first
 * reviewer and staff accounts (statuses past "submitted" need them). Each claim
 * gets a small PDF as its invoice and is paid to the member's demo bank card (a
 * payee account made for them); the paid one goes through a payment batch and
 * the bank's result, as the office pays. Does nothing when claims exist already.
 * Returns the ids of the claims made.
 */
export async function seedDemoClaims(db: Db, deps: DemoClaimDeps): Promise<string[]> {
  const existing = await db.selectFrom('claims').select('id').limit(1).execute()
  if (existing.length > 0) return []
  const reviewerId = await firstWithRole(db, ['reviewer'])
  // A reviewer never decides their own claim.
  const members = (await enrolledMembers(db)).filter((m) => m.user_id !== reviewerId)
  if (members.length === 0) return []
  const staffId = await firstWithRole(db, ['staff', 'admin'])
  const actor = { userId: reviewerId ?? null, ip: null, requestId: 'demo-seed' }
  const made: string[] = []

  for (const [i, item] of plan.entries()) {
    if (item.end !== 'submitted' && !reviewerId) break
    if (item.end === 'paid' && !staffId) continue
    const member = members[i % members.length]!
    // A week or two ago, kept inside the cover and past a 30-day hospital waiting period, so every claim has something to pay.
    const eventDate = clampDate(addDays(todayInChina(deps.clock), -7 - i), addDays(member.start_on, 30), member.end_on)
    const file = await receiveFile(Readable.from([demoPdf(`${item.diagnosis} ${i}`)]), deps.config.dataDir, MAX_UPLOAD_BYTES, undefined)
    try {
      await storeFile(deps.blobs, file)
    } finally {
      await discardFile(file)
    }
    const claimId = await db.transaction().execute(async (trx) => {
      if (!(await activeConsentRow(trx, member.user_id, 'medical_data'))) {
        await trx.insertInto('consents').values({
          id: newId('cns', deps.clock.now()), user_id: member.user_id, kind: 'medical_data', text_version: '2026-11-01',
          given_at: nowIso(deps.clock), ip: null, request_id: 'demo-seed', withdrawn_at: null,
        }).execute()
      }
      const upload = await recordUpload(trx, deps.clock, member.user_id, file)
      const payeeAccountId = await demoPayeeAccount(trx, deps, member.user_id, members.indexOf(member))
      const { claimId } = await submitClaim(trx, deps, member.user_id, `demo-claim-${i}`, {
        enrolmentId: member.enrolment_id, kind: item.kind, eventDate, diagnosis: item.diagnosis, hospital: '西安市第一医院',
        figures: item.figures, invoiceNumbers: [`DEMO${String(i + 1).padStart(6, '0')}`], documents: [{ uploadId: upload.id, kind: 'invoice' }], payeeAccountId,
      })
      if (item.end === 'submitted' || !reviewerId) return claimId
      await startReview(trx, deps, reviewerId, claimId, actor)
      if (item.end === 'needs_material') {
        unwrap(await decideClaim(trx, deps, reviewerId, claimId, { decision: 'request_material', missing: ['settlement_slip', 'discharge_summary'], note: '请补充医保结算单和出院小结' }, actor))
      } else if (item.end === 'rejected') {
        unwrap(await decideClaim(trx, deps, reviewerId, claimId, { decision: 'reject', refusal: 'other', note: '健康体检不属于住院医疗保障范围' }, actor))
      } else if (item.end === 'approved' || item.end === 'paid') {
        const claim = await trx.selectFrom('claims').select('estimate_fen').where('id', '=', claimId).executeTakeFirstOrThrow()
        if (claim.estimate_fen > 0) unwrap(await decideClaim(trx, deps, reviewerId, claimId, { decision: 'approve' }, actor))
        if (claim.estimate_fen > 0 && item.end === 'paid' && staffId) await payThroughBank(trx, deps, staffId, claimId, `DEMO-PAY-${String(i + 1).padStart(4, '0')}`)
      }
      return claimId
    })
    made.push(claimId)
  }
  return made
}
