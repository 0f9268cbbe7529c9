import type { RoleGrantsTable } from '../features/accounts/role-grants.table'
import type { SessionsTable } from '../features/accounts/sessions.table'
import type { SmsCodesTable } from '../features/accounts/sms-codes.table'
import type { UsersTable } from '../features/accounts/users.table'
import type { AuditLogTable } from '../features/audit/audit-log.table'
import type { HolidayCalendarDaysTable } from '../features/calendar/holiday-calendar-days.table'
import type { HolidayCalendarYearsTable } from '../features/calendar/holiday-calendar-years.table'
import type { CataloguesTable } from '../features/catalogues/catalogues.table'
import type { EnrolmentsTable } from '../features/enrolments/enrolments.table'
import type { InsuredPersonsTable } from '../features/enrolments/insured-persons.table'
import type { EnrolmentSharesTable } from '../features/enrolments/enrolment-shares.table'
import type { HardshipWorkersTable } from '../features/enrolments/hardship-workers.table'
import type { PersonAccountsTable } from '../features/identity/person-accounts.table'
import type { OutreachEventsTable } from '../features/events/events.table'
import type { AssistedEnrolmentsTable } from '../features/assisted-enrolments/assisted-enrolments.table'
import type { PaymentsTable } from '../features/payments/payments.table'
import type { PaymentCodesTable } from '../features/bank-statements/payment-codes.table'
import type { PaymentOrderEnrolmentsTable, PaymentOrdersTable, PaymentRefundsTable } from '../features/payments/payment-orders.table'
import type { RostersTable } from '../features/rosters/rosters.table'
import type { ConsentsTable } from '../features/members/consents.table'
import type { MemberProfilesTable } from '../features/members/member-profiles.table'
import type { RateLimitHitsTable } from '../features/rate-limits/rate-limit-hits.table'
import type { RateLimitKeysTable } from '../features/rate-limits/rate-limit-keys.table'
import type { UnitsTable } from '../features/units/units.table'
import type { UnitAdminInvitationsTable } from '../features/units/unit-admin-invitations.table'
import type { ClaimPaymentBatchesTable } from '../features/claim-payments/claim-payment-batches.table'
import type { ClaimPaymentLinesTable } from '../features/claim-payments/claim-payment-lines.table'
import type { PayeeAccountsTable } from '../features/payee-accounts/payee-accounts.table'
import type { ClaimDocumentsTable } from '../features/claims/claim-documents.table'
import type { ClaimHistoryTable } from '../features/claims/claim-history.table'
import type { ClaimInvoicesTable } from '../features/claims/claim-invoices.table'
import type { ClaimsTable } from '../features/claims/claims.table'
import type { IdempotencyKeysTable } from '../features/claims/idempotency-keys.table'
import type { NotificationsTable } from '../features/notifications/notifications.table'
import type { UnitRenewalRemindersTable } from '../features/notifications/unit-renewal-reminders.table'
import type { OutboxTable } from '../features/outbox/outbox.table'
import type { ClaimMedicalMatchesTable } from '../features/medical-records/claim-medical-matches.table'
import type { MedicalRecordsTable } from '../features/medical-records/medical-records.table'
import type { UploadsTable } from '../features/uploads/uploads.table'
import type { WechatAccessTokensTable } from '../features/notifications/wechat-access-tokens.table'
import type { JobLeasesTable } from '../jobs/job-leases.table'
import type { DataDeletionRequestsTable } from '../features/data-requests/data-deletion-requests.table'

/**
 * Every table, as kysely sees it. Each table's type lives in its feature folder
 * (`*.table.ts`); a new table is one line here plus a migration in
 * `migrations/index.ts`.
 */
export interface Database {
  units: UnitsTable
  unit_admin_invitations: UnitAdminInvitationsTable
  users: UsersTable
  role_grants: RoleGrantsTable
  sessions: SessionsTable
  sms_codes: SmsCodesTable
  rate_limit_hits: RateLimitHitsTable
  rate_limit_keys: RateLimitKeysTable
  member_profiles: MemberProfilesTable
  consents: ConsentsTable
  audit_log: AuditLogTable
  insured_persons: InsuredPersonsTable
  person_accounts: PersonAccountsTable
  enrolments: EnrolmentsTable
  enrolment_shares: EnrolmentSharesTable
  hardship_workers: HardshipWorkersTable
  payments: PaymentsTable
  payment_codes: PaymentCodesTable
  payment_orders: PaymentOrdersTable
  payment_order_enrolments: PaymentOrderEnrolmentsTable
  payment_refunds: PaymentRefundsTable
  rosters: RostersTable
  outreach_events: OutreachEventsTable
  assisted_enrolments: AssistedEnrolmentsTable
  uploads: UploadsTable
  claims: ClaimsTable
  claim_documents: ClaimDocumentsTable
  claim_invoices: ClaimInvoicesTable
  claim_history: ClaimHistoryTable
  idempotency_keys: IdempotencyKeysTable
  claim_payment_batches: ClaimPaymentBatchesTable
  claim_payment_lines: ClaimPaymentLinesTable
  payee_accounts: PayeeAccountsTable
  notifications: NotificationsTable
  unit_renewal_reminders: UnitRenewalRemindersTable
  outbox: OutboxTable
  job_leases: JobLeasesTable
  wechat_access_tokens: WechatAccessTokensTable
  medical_records: MedicalRecordsTable
  claim_medical_matches: ClaimMedicalMatchesTable
  holiday_calendar_years: HolidayCalendarYearsTable
  holiday_calendar_days: HolidayCalendarDaysTable
  data_deletion_requests: DataDeletionRequestsTable
  catalogues: CataloguesTable
}
