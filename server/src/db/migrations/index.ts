import type { Migration } from 'kysely/migration'
import * as units from './20261124T1200_units'
import * as accounts from './20261124T1210_accounts'
import * as rateLimits from './20261124T1220_rate_limits'
import * as members from './20261124T1230_members'
import * as auditLog from './20261124T1240_audit_log'
import * as enrolments from './20261125T1000_enrolments'
import * as payments from './20261125T1100_payments'
import * as unitSettings from './20261125T1110_unit_settings'
import * as rosters from './20261125T1120_rosters'
import * as outreachEvents from './20261125T1130_events'
import * as uploads from './20261125T1200_uploads'
import * as claims from './20261125T1210_claims'
import * as claimPayments from './20261125T1220_claim_payments'
import * as notifications from './20261125T1230_notifications'
import * as medicalRecords from './20261125T1300_medical_records'
import * as coverEndingReminders from './20261125T1310_cover_ending_reminders'
import * as personAccounts from './20261128T1000_person_accounts'
import * as pendingEnrolments from './20261128T1100_pending_enrolments'
import * as wechatPay from './20261128T1400_wechat_pay'
import * as outbox from './20261128T1500_outbox'
import * as payeeAccounts from './20261128T1530_payee_accounts'
import * as paymentCodes from './20261128T1610_payment_codes'
import * as renewals from './20261129T1000_renewals'
import * as holidayCalendar from './20261129T1100_holiday_calendar'
import * as ledgerIndexes from './20261129T1300_ledger_indexes'
import * as unitProfile from './20261129T1300_unit_profile'
import * as jobLeases from './20261129T1400_job_leases'
import * as wechatAccessTokens from './20261129T1410_wechat_access_tokens'
import * as rateLimitKeys from './20261130T0900_rate_limit_keys'
import * as rateLimitPrune from './20261201T1600_rate_limit_prune'
import * as dashboard from './20261201T1610_dashboard'
import * as catalogues from './20261201T1620_catalogues'
import * as fundingShares from './20261201T1630_funding_shares'
import * as dataDeletionRequests from './20261201T1640_data_deletion_requests'
import * as assistedEnrolments from './20261202T1000_assisted_enrolments'
import * as hardshipWorkerNames from './20261202T1100_hardship_worker_names'
import * as rosterFileRetention from './20261202T1101_roster_file_retention'
import * as dashboardScope from './20261202T1700_dashboard_scope'
import * as dashboardCases from './20261202T1800_dashboard_cases'
import * as claimAgeAtEvent from './20261203T0100_claim_age_at_event'
import * as outboxDueOrder from './20261204T0100_outbox_due_order'

/**
 * Every migration, registered explicitly (no folder scanning). Names are
 * `YYYYMMDDTHHMM_what` and run in name order. Never edit or rename one that has
 * shipped: add a new one at the end.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '20261124T1200_units': units,
  '20261124T1210_accounts': accounts,
  '20261124T1220_rate_limits': rateLimits,
  '20261124T1230_members': members,
  '20261124T1240_audit_log': auditLog,
  '20261125T1000_enrolments': enrolments,
  '20261125T1100_payments': payments,
  '20261125T1110_unit_settings': unitSettings,
  '20261125T1120_rosters': rosters,
  '20261125T1130_events': outreachEvents,
  '20261125T1200_uploads': uploads,
  '20261125T1210_claims': claims,
  '20261125T1220_claim_payments': claimPayments,
  '20261125T1230_notifications': notifications,
  '20261125T1300_medical_records': medicalRecords,
  '20261125T1310_cover_ending_reminders': coverEndingReminders,
  '20261128T1000_person_accounts': personAccounts,
  '20261128T1100_pending_enrolments': pendingEnrolments,
  '20261128T1400_wechat_pay': wechatPay,
  '20261128T1500_outbox': outbox,
  '20261128T1530_payee_accounts': payeeAccounts,
  '20261128T1610_payment_codes': paymentCodes,
  '20261129T1000_renewals': renewals,
  '20261129T1100_holiday_calendar': holidayCalendar,
  '20261129T1300_ledger_indexes': ledgerIndexes,
  '20261129T1300_unit_profile': unitProfile,
  '20261129T1400_job_leases': jobLeases,
  '20261129T1410_wechat_access_tokens': wechatAccessTokens,
  '20261130T0900_rate_limit_keys': rateLimitKeys,
  '20261201T1600_rate_limit_prune': rateLimitPrune,
  '20261201T1610_dashboard': dashboard,
  '20261201T1620_catalogues': catalogues,
  '20261201T1630_funding_shares': fundingShares,
  '20261201T1640_data_deletion_requests': dataDeletionRequests,
  '20261202T1000_assisted_enrolments': assistedEnrolments,
  '20261202T1100_hardship_worker_names': hardshipWorkerNames,
  '20261202T1101_roster_file_retention': rosterFileRetention,
  '20261202T1700_dashboard_scope': dashboardScope,
  '20261202T1800_dashboard_cases': dashboardCases,
  '20261203T0100_claim_age_at_event': claimAgeAtEvent,
  '20261204T0100_outbox_due_order': outboxDueOrder,
}
