/** The most audit-log entries one export holds (`GET /api/v1/audit-log/export.xlsx`); more is a 422 asking for narrower filters. */
export const AUDIT_EXPORT_LIMIT = 50_000
