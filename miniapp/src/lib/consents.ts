import type { ConsentKind } from '@huzhu/shared'
import { activeConsentKinds, getClientConfig, giveConsent } from '../api/member'

/** The version of each consent text the app shows, unless the server names a newer one (client-config). */
const DEFAULT_VERSIONS: Record<ConsentKind, string> = {
  privacy_policy: '2026-11-01',
  sensitive_personal_info: '2026-11-01',
  medical_data: '2026-11-01',
}

let versions: Promise<Record<ConsentKind, string>> | null = null

export function consentVersions(): Promise<Record<ConsentKind, string>> {
  versions ??= getClientConfig().then(
    (config) => (config ? { ...DEFAULT_VERSIONS, ...config.consentVersions } : DEFAULT_VERSIONS),
    () => DEFAULT_VERSIONS,
  )
  return versions
}

export async function hasConsent(kind: ConsentKind): Promise<boolean> {
  return (await activeConsentKinds()).has(kind)
}

/** Records the member's consent to the text version shown. */
export async function recordConsent(kind: ConsentKind): Promise<void> {
  const version = (await consentVersions())[kind]
  await giveConsent(kind, version)
}
