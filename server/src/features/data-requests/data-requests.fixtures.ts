import { nowIso } from '../../clock'
import { newId } from '../../ids'
import {
  accountNumber, addTestPayeeAccount, approvedClaim, claimant, freshIdNumber, importRecords, importResults, makeBatch, matchingRecordRow,
  recordsXlsx, resultsXlsx, submitTestClaim, uploadPhoto, type Claimant, type EveryRole, type TestApp,
} from '../../../test/helpers'

/** A member with one of everything, for the export and deletion tests (test-only). */
export interface MemberWithHistory {
  member: Claimant
  name: string
  idNumber: string
  paidClaimId: string
  withdrawnClaimId: string
  unusedAccountId: string
  looseUploadId: string
  paymentId: string
  bankReference: string
}

let seq = 0

/**
 * A member with a profile, an active (ended) enrolment paid by a recorded
 * transfer, a claim paid through the bank, a withdrawn claim with an invoice
 * number, a payee account never paid to, a photo not on any claim, a
 * medical-insurance record under their ID number, and a staff member's read of
 * their claim (an audit entry about them).
 */
export async function memberWithHistory(app: TestApp, roles: EveryRole, name: string): Promise<MemberWithHistory> {
  const idNumber = freshIdNumber()
  const member = await claimant(app, { profile: { name, idNumber } })
  const { id: paidClaimId } = await approvedClaim(app, roles.reviewer, { member })
  const batch = (await makeBatch(app, roles.staff, [paidClaimId])).body as { id: string }
  const bankReference = `HX${Date.now()}${++seq}`
  const results = await importResults(app, roles.staff, batch.id, await resultsXlsx([
    [`互助理赔 ${paidClaimId}`, await accountNumber(app, member.payeeAccountId), '6200.00', '成功', '', '2026-11-23', bankReference],
  ]))
  if (results.status !== 200) throw new Error(`results answered ${results.status}: ${results.text}`)
  const withdrawn = await submitTestClaim(app, member, { invoiceNumbers: [`INV-${process.pid}-${++seq}`] })
  const w = await app.api.post(`/api/v1/claims/${withdrawn.id}/withdraw`, {}, { token: member.token })
  if (w.status !== 200) throw new Error(`withdraw answered ${w.status}: ${w.text}`)
  const unusedAccountId = await addTestPayeeAccount(app, member)
  const looseUploadId = await uploadPhoto(app, member)
  const imported = await importRecords(app, roles.staff, await recordsXlsx([matchingRecordRow(idNumber)]))
  if (imported.status !== 201) throw new Error(`medical records answered ${imported.status}: ${imported.text}`)
  const read = await app.api.get(`/api/v1/claims/${paidClaimId}`, { token: roles.staff.token })
  if (read.status !== 200) throw new Error(`claim read answered ${read.status}`)
  // The premium, as a transfer staff confirmed (the enrolment was written active by the helper).
  const enrolment = await app.db.selectFrom('enrolments').selectAll().where('id', '=', member.enrolmentId).executeTakeFirstOrThrow()
  const paymentId = newId('pay', app.clock.now())
  await app.db.insertInto('payments').values({
    id: paymentId, catalogue_id: enrolment.catalogue_id, reference: `REF-${paymentId}`, amount_fen: enrolment.premium_fen, payer: name, unit_id: null,
    enrolment_count: 1, confirmed_at: nowIso(app.clock), confirmed_by: roles.staff.id, channel: 'transfer',
  }).execute()
  await app.db.updateTable('enrolments').set({ payment_id: paymentId }).where('id', '=', member.enrolmentId).execute()
  return { member, name, idNumber, paidClaimId, withdrawnClaimId: withdrawn.id, unusedAccountId, looseUploadId, paymentId, bankReference }
}
