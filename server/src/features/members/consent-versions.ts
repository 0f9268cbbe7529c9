/** The version of each consent text in force; the app records consents against these (`GET /api/v1/client-config`). */
export const CONSENT_TEXT_VERSIONS = { privacy_policy: '2026-11-01', sensitive_personal_info: '2026-11-01', medical_data: '2026-11-01' } as const
