import { getToken } from '../../api/token'
import type { RealNameDraft } from './RealNameForm'

/**
 * What the rider has typed into the real-name form, kept in memory while they
 * step away (back to the plan, to check their ID card) and come back: the app's
 * memory for this session, never storage, so the ID number is not written to
 * the phone in clear. It is the current session's only, and forgotten once the
 * profile is saved. (A reload of the H5 page or the mini-program being closed
 * forgets it too: a fair price for not keeping an ID number on the phone.)
 */
let kept: { token: string | null; draft: RealNameDraft } | null = null

export function keepRealNameDraft(draft: RealNameDraft): void {
  kept = { token: getToken(), draft }
}

export function keptRealNameDraft(): RealNameDraft | null {
  return kept !== null && kept.token === getToken() ? kept.draft : null
}

export function forgetRealNameDraft(): void {
  kept = null
}
