import { daysBetween, renewalWindow, type RuleViolation } from '@huzhu/shared'
import { nowIso, todayInChina } from '../../clock'
import type { Db } from '../../db/open'
import { AppError, notFound } from '../../http/errors'
import { newId } from '../../ids'
import { issueEnrolmentCodes } from '../bank-statements/payment-codes.service'
import { isLinked } from '../identity/person-accounts.repository'
import { decodeProfile } from '../members/profile'
import { findProfileRow } from '../members/members.repository'
import { findEnrolment } from './enrolments.repository'
import { lockPersons } from './insured-persons.repository'
import { assertEligible, assertNoOverlap, catalogueOr422, enrolmentRowOf, type EnrolDeps } from './enrolments.service'
import type { EnrolmentRow } from './enrolments.table'
import { findLiveRenewal, insertRenewal } from './renewals.repository'
import { memberRenewalQuote } from './renewal-quote'

/** The engine's refusal of a renewal: 422 naming every rule. */
function unavailable(violations: readonly RuleViolation[]): AppError {
  return new AppError(422, 'renewal_unavailable', {
    params: { reason: violations.map((v) => v.message).join('；') },
    details: violations.map((v) => ({ rule: v.rule, product: v.product, message: v.message })),
  })
}

/**
 * A member renews their own cover (续保) in one tap: the person it covers must
 * be linked to their account (else 404, as for any enrolment not theirs), and
 * the cover active (409 `renewal_not_active`) with its renewal window open
 * today (409 `renewal_too_early`, `renewal_window_closed`). The engine dates and
 * prices it (`memberRenewalQuote`): the day after the cover ends, in the
 * successor catalogue when the office names one, the held categories without
 * new waiting; the catalogue's eligibility rules still apply. It is written
 * pending payment, paid by the member like any enrolment, and starts only once
 * paid. Renewing again gives the same renewal (`created: false`): the person
 * is locked before the read, and a live renewal is unique per cover
 * (`insertRenewal`), so two taps at once make one.
 */
export async function renewEnrolment(
  db: Db, deps: EnrolDeps, userId: string, enrolmentId: string, expectedPremiumFen: number | undefined,
): Promise<{ row: EnrolmentRow; created: boolean }> {
  const held = await findEnrolment(db, enrolmentId)
  if (!held || !(await isLinked(db, userId, held.insured_person_id))) throw notFound('enrolment_not_found')
  // The person's lock before the read of a live renewal: a second tap at once (PostgreSQL) waits here for
  // the first to commit and then finds its renewal, instead of finding it later as an overlap (409).
  await lockPersons(db, [held.insured_person_id])
  const existing = await findLiveRenewal(db, held.id)
  if (existing) return { row: existing, created: false }
  if (held.status !== 'active') throw new AppError(409, 'renewal_not_active')
  const today = todayInChina(deps.clock)
  if (today > held.end_on) throw new AppError(409, 'renewal_window_closed', { params: { end: held.end_on } })
  const from = catalogueOr422(deps.catalogues, held.catalogue_id)
  const window = renewalWindow(from, held.end_on)
  if (today < window.start) {
    throw new AppError(409, 'renewal_too_early', { params: { date: window.start, days: daysBetween(window.start, window.end) } })
  }
  const priced = memberRenewalQuote(held, deps.catalogues, today)
  if (!priced) throw new AppError(422, 'unknown_catalogue')
  if (!priced.ok) throw unavailable(priced.violations)
  const { into, quote } = priced.value

  const profileRow = await findProfileRow(db, userId)
  if (!profileRow) throw new AppError(422, 'profile_required')
  const profile = decodeProfile(profileRow, deps.protector)
  assertEligible(into, { unionMember: profile.unionMember, basicMedicalInsurance: profile.basicMedicalInsurance, occupation: profile.occupation, birthDate: profile.birthDate }, today)
  if (expectedPremiumFen !== undefined && expectedPremiumFen !== quote.premiumFen) {
    throw new AppError(409, 'quote_changed', { details: [{ premiumFen: quote.premiumFen }] })
  }
  // Any other live cover of the person over the new period is a real overlap; the held one ends the day before.
  await assertNoOverlap(db, held.insured_person_id, quote)
  const row = enrolmentRowOf(quote, held.insured_person_id, {
    fundingSource: 'member', unitId: null, eventId: null, rosterId: null, createdBy: userId, renewsEnrolmentId: held.id,
  }, newId('enr', deps.clock.now()), nowIso(deps.clock))
  if (!(await insertRenewal(db, row, deps.catalogues))) return { row: (await findLiveRenewal(db, held.id))!, created: false }
  await issueEnrolmentCodes(db, deps.clock, [row.id])
  return { row: (await findEnrolment(db, row.id))!, created: true }
}
