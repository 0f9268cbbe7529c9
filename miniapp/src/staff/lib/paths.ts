/**
 * Every server path the staff pages call, in one place. The JSON endpoints follow
 * the shared contract (shared/src/api); the file downloads are named here so a
 * change on the server is a one-line change on this side.
 */
const enc = encodeURIComponent

export const staffPaths = {
  me: '/api/v1/me',
  certificateKeys: '/api/v1/certificates/keys',
  certificateChecks: '/api/v1/certificates/checks',
  units: '/api/v1/units',
  unit: (unitId: string) => `/api/v1/units/${enc(unitId)}`,
  unitCatalogues: (unitId: string) => `/api/v1/units/${enc(unitId)}/catalogues`,
  unitRenewals: (unitId: string) => `/api/v1/units/${enc(unitId)}/renewals`,
  unitRenewalRoster: (unitId: string, catalogueId: string) => `/api/v1/units/${enc(unitId)}/renewal-roster.xlsx?catalogueId=${enc(catalogueId)}`,
  unitAdminInvitations: (unitId: string) => `/api/v1/units/${enc(unitId)}/admin-invitations`,
  unitAdminInvitation: (unitId: string, invitationId: string) => `/api/v1/units/${enc(unitId)}/admin-invitations/${enc(invitationId)}`,
  events: '/api/v1/events',
  event: (eventId: string) => `/api/v1/events/${enc(eventId)}`,
  rosterTemplate: '/api/v1/rosters/template.xlsx',
  rosterUpload: (unitId: string, catalogueId: string, fileName?: string) =>
    `/api/v1/units/${enc(unitId)}/rosters?catalogueId=${enc(catalogueId)}${fileName ? `&fileName=${enc(fileName)}` : ''}`,
  rosterErrorFile: (unitId: string, rosterId: string) => `/api/v1/units/${enc(unitId)}/rosters/${enc(rosterId)}/errors.xlsx`,
  rosterImport: (unitId: string, rosterId: string) => `/api/v1/units/${enc(unitId)}/rosters/${enc(rosterId)}/import`,
  unitRosterExport: (unitId: string, catalogueId: string, full = false) => `/api/v1/units/${enc(unitId)}/roster.xlsx?catalogueId=${enc(catalogueId)}${full ? '&full=1' : ''}`,
  enrolments: (query: Record<string, string | undefined>) => `/api/v1/enrolments${queryString(query)}`,
  payments: '/api/v1/payments',
  pendingEnrolments: (query: Record<string, string | undefined>) => `/api/v1/payments/pending-enrolments${queryString(query)}`,
  reviewQueue: (query: Record<string, string | undefined>) => `/api/v1/review/claims${queryString(query)}`,
  reviewSample: (query: Record<string, string | undefined>) => `/api/v1/review/sample${queryString(query)}`,
  claim: (claimId: string) => `/api/v1/claims/${enc(claimId)}`,
  claimDecision: (claimId: string) => `/api/v1/claims/${enc(claimId)}/decisions`,
  claimStartReview: (claimId: string) => `/api/v1/claims/${enc(claimId)}/review`,
  uploadContent: (uploadId: string) => `/api/v1/uploads/${enc(uploadId)}/content`,
  claimPayments: '/api/v1/claim-payments',
  claimPaymentBatches: (query: Record<string, string | undefined>) => `/api/v1/claim-payments${queryString(query)}`,
  claimPaymentBatch: (batchId: string) => `/api/v1/claim-payments/${enc(batchId)}`,
  claimPaymentBankFile: (batchId: string) => `/api/v1/claim-payments/${enc(batchId)}/bank-file.xlsx`,
  claimPaymentResults: (batchId: string) => `/api/v1/claim-payments/${enc(batchId)}/results`,
  medicalRecords: '/api/v1/medical-records',
  bankStatements: '/api/v1/bank-statements',
  unitPaymentCodes: (unitId: string) => `/api/v1/units/${enc(unitId)}/payment-codes`,
  memberSearch: '/api/v1/members/search',
  identityVerifications: (userId: string) => `/api/v1/members/${enc(userId)}/identity-verifications`,
  ledger: (query: Record<string, string | undefined>) => `/api/v1/ledger${queryString(query)}`,
  ledgerXlsx: (query: Record<string, string | undefined>) => `/api/v1/ledger.xlsx${queryString(query)}`,
  calendar: '/api/v1/calendar',
  catalogueRecords: '/api/v1/catalogue-records',
  cataloguePreviews: (on: string) => `/api/v1/catalogue-previews?on=${enc(on)}`,
  catalogue: (catalogueId: string) => `/api/v1/catalogues/${enc(catalogueId)}`,
  catalogueClosure: (catalogueId: string) => `/api/v1/catalogues/${enc(catalogueId)}/closure`,
  catalogueSuccessor: (catalogueId: string) => `/api/v1/catalogues/${enc(catalogueId)}/successor`,
  calendarYear: (year: number) => `/api/v1/calendar/${year}`,
  userLookup: '/api/v1/users/lookup',
  user: (userId: string) => `/api/v1/users/${enc(userId)}`,
  userRoles: (userId: string) => `/api/v1/users/${enc(userId)}/roles`,
  userRole: (userId: string, grantId: string) => `/api/v1/users/${enc(userId)}/roles/${enc(grantId)}`,
  auditLog: (query: Record<string, string | undefined>) => `/api/v1/audit-log${queryString(query)}`,
  auditExport: (query: Record<string, string | undefined>) => `/api/v1/audit-log/export.xlsx${queryString(query)}`,
} as const

export function queryString(query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${enc(key)}=${enc(value)}`)
  return parts.length > 0 ? `?${parts.join('&')}` : ''
}
