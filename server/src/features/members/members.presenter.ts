import { maskBirthDate, maskIdNumber, maskMobile, type Consent, type ConsentKind, type MemberSearchResult, type ProfileResponse } from '@huzhu/shared'
import type { ConsentRow } from './consents.table'
import type { MemberProfile } from './profile'
import type { ProfileSearchHit } from './profile.service'

/**
 * The member themself sees ID number and mobile in full; everyone else masked.
 * Masked, the birth date keeps only its year: with the first and last four
 * digits it would otherwise give away 16 of the 18 characters.
 */
export function presentProfile(profile: MemberProfile, view: { reveal: boolean }): ProfileResponse {
  return {
    userId: profile.userId,
    name: profile.name,
    idNumber: view.reveal ? profile.idNumber : maskIdNumber(profile.idNumber),
    sex: profile.sex,
    birthDate: view.reveal ? profile.birthDate : maskBirthDate(profile.birthDate),
    mobile: view.reveal ? profile.mobile : maskMobile(profile.mobile),
    masked: !view.reveal,
    occupation: profile.occupation,
    platform: profile.platform,
    basicMedicalInsurance: profile.basicMedicalInsurance,
    unionMember: profile.unionMember,
    updatedAt: profile.updatedAt,
  }
}

/** An account a staff search found: its profile and login phone masked, when the profile was made, whether it is linked. */
export function presentSearchHit(hit: ProfileSearchHit): MemberSearchResult {
  return {
    ...presentProfile(hit.profile, { reveal: false }),
    profileCreatedAt: hit.profileCreatedAt,
    loginPhoneMasked: hit.loginPhone === null ? null : maskMobile(hit.loginPhone),
    linked: hit.linked,
  }
}

export function presentConsent(row: ConsentRow): Consent {
  return { id: row.id, kind: row.kind as ConsentKind, textVersion: row.text_version, givenAt: row.given_at, withdrawnAt: row.withdrawn_at }
}
