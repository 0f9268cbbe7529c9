import { endpoints as e, pathOf } from '@huzhu/shared'

/**
 * The paths of the staff side's files (downloads, uploads of xlsx bytes, photos), which go
 * through `files.ts` rather than the JSON client's `call(endpoints.…)`: each built from its entry
 * of the shared API contract (shared/src/api/contract) with `pathOf`, parameters and query
 * values URL-encoded, unset ones left out.
 */
type Query = Record<string, string | undefined>

export const staffPaths = {
  unitRenewalRoster: (unitId: string, catalogueId: string) => pathOf(e.renewalRoster.getRenewalRoster, { unitId }, { catalogueId }),
  rosterTemplate: pathOf(e.rosters.getRosterTemplate),
  rosterUpload: (unitId: string, catalogueId: string, fileName?: string) =>
    pathOf(e.rosters.uploadRoster, { unitId }, { catalogueId, fileName }),
  rosterErrorFile: (unitId: string, rosterId: string) => pathOf(e.rosters.getRosterErrors, { unitId, rosterId }),
  unitRosterExport: (unitId: string, catalogueId: string, full = false) => pathOf(e.rosters.exportRoster, { unitId }, { catalogueId, full: full ? '1' : undefined }),
  uploadContent: (uploadId: string) => pathOf(e.uploads.getUploadContent, { uploadId }),
  claimPaymentBankFile: (batchId: string) => pathOf(e.claimPayments.getClaimPaymentBankFile, { batchId }),
  claimPaymentResults: (batchId: string) => pathOf(e.claimPayments.importClaimPaymentResults, { batchId }),
  medicalRecords: pathOf(e.medicalRecords.importMedicalRecords),
  bankStatements: pathOf(e.bankStatements.importBankStatement),
  ledgerXlsx: (query: Query) => pathOf(e.ledger.getLedgerWorkbook, {}, query),
  auditExport: (query: Query) => pathOf(e.audit.exportAuditLog, {}, query),
} as const
