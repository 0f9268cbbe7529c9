/**
 * The API contract: every endpoint the server mounts, by area (one table per route file of the server),
 * each with its method, path template and the shared schemas of its body, query and response.
 * The server's routes take their method and path from here; the app and the scripts call `pathOf`.
 */
import { auditEndpoints } from './audit'
import { calendarEndpoints } from './calendar'
import { authEndpoints } from './auth'
import { usersEndpoints } from './users'
import { cataloguesEndpoints } from './catalogues'
import { catalogueAdminEndpoints } from './catalogue-admin'
import { healthEndpoints } from './health'
import { enrolmentsEndpoints } from './enrolments'
import { renewalEndpoints } from './renewal'
import { paymentsEndpoints } from './payments'
import { paymentOrdersEndpoints } from './payment-orders'
import { bankStatementsEndpoints } from './bank-statements'
import { certificatesEndpoints } from './certificates'
import { rostersEndpoints } from './rosters'
import { renewalRosterEndpoints } from './renewal-roster'
import { eventsEndpoints } from './events'
import { assistedEnrolmentsEndpoints } from './assisted-enrolments'
import { hardshipEndpoints } from './hardship'
import { consentsEndpoints } from './consents'
import { membersEndpoints } from './members'
import { identityEndpoints } from './identity'
import { openapiEndpoints } from './openapi'
import { quotesEndpoints } from './quotes'
import { unitsEndpoints } from './units'
import { uploadsEndpoints } from './uploads'
import { claimsEndpoints } from './claims'
import { reviewEndpoints } from './review'
import { claimPaymentsEndpoints } from './claim-payments'
import { ledgerEndpoints } from './ledger'
import { dashboardEndpoints } from './dashboard'
import { transparencyEndpoints } from './transparency'
import { payeeAccountsEndpoints } from './payee-accounts'
import { dataRequestsEndpoints } from './data-requests'
import { notificationsEndpoints } from './notifications'
import { medicalRecordsEndpoints } from './medical-records'
import { clientConfigEndpoints } from './client-config'

export const endpoints = {
  audit: auditEndpoints,
  calendar: calendarEndpoints,
  auth: authEndpoints,
  users: usersEndpoints,
  catalogues: cataloguesEndpoints,
  catalogueAdmin: catalogueAdminEndpoints,
  health: healthEndpoints,
  enrolments: enrolmentsEndpoints,
  renewal: renewalEndpoints,
  payments: paymentsEndpoints,
  paymentOrders: paymentOrdersEndpoints,
  bankStatements: bankStatementsEndpoints,
  certificates: certificatesEndpoints,
  rosters: rostersEndpoints,
  renewalRoster: renewalRosterEndpoints,
  events: eventsEndpoints,
  assistedEnrolments: assistedEnrolmentsEndpoints,
  hardship: hardshipEndpoints,
  consents: consentsEndpoints,
  members: membersEndpoints,
  identity: identityEndpoints,
  openapi: openapiEndpoints,
  quotes: quotesEndpoints,
  units: unitsEndpoints,
  uploads: uploadsEndpoints,
  claims: claimsEndpoints,
  review: reviewEndpoints,
  claimPayments: claimPaymentsEndpoints,
  ledger: ledgerEndpoints,
  dashboard: dashboardEndpoints,
  transparency: transparencyEndpoints,
  payeeAccounts: payeeAccountsEndpoints,
  dataRequests: dataRequestsEndpoints,
  notifications: notificationsEndpoints,
  medicalRecords: medicalRecordsEndpoints,
  clientConfig: clientConfigEndpoints,
} as const

export * from './endpoint'
