import { formatFen, parseMobile, type PaymentRequest } from '@huzhu/shared'
import { nowIso, todayInChina, type Clock } from '../../clock'
import { hashPhone } from '../../crypto/personal-data'
import type { DataProtector } from '../../crypto/protector'
import type { Db } from '../../db/open'
import { AppError, conflict } from '../../http/errors'
import { newId } from '../../ids'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import { catalogueOr422 } from '../enrolments/enrolments.service'
import type { PaymentRow } from './payments.table'
import { fullyPaid, owedShares } from '../enrolments/enrolment-shares.repository'
import { receiveShares } from './share-payment'
import { findPaymentByReference, findPendingOfUnit, findTargets, insertPaymentOnce, type PendingSearch } from './payments.repository'

/**
 * What staff typed to find a pending enrolment: a whole mobile number is looked
 * up by its keyed hash (mobiles are stored encrypted), anything else is part of a
 * name. Digits that are not a whole mobile number find nobody by either, so they
 * are refused with a hint rather than answered with an empty list.
 */
export function pendingSearchOf(protector: DataProtector, q: string | undefined): PendingSearch {
  const text = q?.trim() ?? ''
  if (text === '') return {}
  const mobile = parseMobile(text)
  if (mobile.ok) return { mobileHash: hashPhone(protector, mobile.value) }
  if (/^[\d\uFF10-\uFF19\s+()（）-]+$/.test(text)) {
    throw new AppError(400, 'pending_search_phone_incomplete', { details: [{ path: 'q', code: 'pending_search_phone_incomplete' }] })
  }
  return { nameContains: text }
}

/**
 * Confirms a bank transfer against pending enrolments (listed, or all of a
 * unit's in the catalogue): the reference must be new in the catalogue and the
 * amount must equal what they owe (every owed share, or one payer's: a split is
 * paid in parts). The payment and the activations commit
 * together; each enrolment's cover is dated from today, the day the premium is
 * known to be paid (`activatePaid`).
 */
export async function confirmPayment(db: Db, deps: { clock: Clock; catalogues: CatalogueStore }, staffId: string, body: PaymentRequest): Promise<PaymentRow> {
  catalogueOr422(deps.catalogues, body.catalogueId)
  if (await findPaymentByReference(db, body.catalogueId, body.reference)) throw conflict('payment_reference_taken')
  let targets
  if (body.enrolmentIds !== undefined) {
    targets = await findTargets(db, body.enrolmentIds)
    const usable = new Set(targets.filter((t) => t.status === 'pending_payment' && t.catalogue_id === body.catalogueId).map((t) => t.id))
    const bad = [...new Set(body.enrolmentIds)].filter((id) => !usable.has(id))
    if (bad.length > 0) {
      throw new AppError(422, 'payment_enrolments_invalid', { params: { count: bad.length }, details: bad.slice(0, 100).map((enrolmentId) => ({ enrolmentId })) })
    }
  } else {
    targets = await findPendingOfUnit(db, body.unitId!, body.catalogueId)
    if (targets.length === 0) throw new AppError(422, 'payment_nothing_pending')
  }
  // What is owed of them: every owed share, or only the named payer's (the unit's part of a split).
  const payer = body.fundingPayer ?? null
  const owed = await owedShares(db, targets.map((t) => t.id), payer)
  if (owed.length === 0) throw new AppError(422, 'payment_nothing_owed')
  const expected = owed.reduce((sum, s) => sum + s.amount_fen, 0)
  const owing = new Set(owed.map((s) => s.enrolment_id))
  if (expected !== body.amountFen) {
    throw new AppError(422, 'payment_amount_mismatch', {
      params: { expected: formatFen(expected), actual: formatFen(body.amountFen) },
      details: [{ path: 'amountFen', expectedFen: expected, enrolmentCount: owing.size }],
    })
  }
  const now = nowIso(deps.clock)
  const row: PaymentRow = {
    id: newId('pay', deps.clock.now()), catalogue_id: body.catalogueId, reference: body.reference, amount_fen: body.amountFen,
    payer: body.payer ?? null, unit_id: body.unitId ?? null, enrolment_count: owing.size, confirmed_at: now, confirmed_by: staffId, channel: 'transfer',
  }
  if (!(await insertPaymentOnce(db, row))) throw conflict('payment_reference_taken')
  // Cover is dated from the day the transfer is confirmed (DOMAIN.md: never before the premium is paid); an enrolment
  // with another payer's share still owed stays pending until that is paid too.
  const received = await receiveShares(db, deps.catalogues, [...owing], payer, row.id, todayInChina(deps.clock), now)
  const receivedFen = [...received.paid.values()].reduce((sum, fen) => sum + fen, 0)
  const complete = await fullyPaid(db, [...received.paid.keys()])
  // Paid or cancelled in the instant since they were read (no longer pending, or that share paid): nothing of this
  // confirmation stays; and an enrolment paid in full that its plan can no longer date takes no payment either.
  const notReceived = receivedFen === expected ? [] : [...owing].filter((id) => !received.paid.has(id))
  const left = [...(notReceived.length > 0 || receivedFen === expected ? notReceived : [...owing]), ...complete.filter((id) => !received.activated.includes(id))]
  if (left.length > 0) {
    throw new AppError(422, 'payment_enrolments_invalid', { params: { count: left.length }, details: left.slice(0, 100).map((enrolmentId) => ({ enrolmentId })) })
  }
  return row
}
