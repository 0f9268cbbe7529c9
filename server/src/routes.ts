import { auditRoutes } from './features/audit/audit.routes'
import { calendarRoutes } from './features/calendar/calendar.routes'
import { authRoutes } from './features/accounts/auth.routes'
import { userRoutes } from './features/accounts/users.routes'
import { catalogueRoutes } from './features/catalogues/catalogues.routes'
import { catalogueAdminRoutes } from './features/catalogues/catalogue-admin.routes'
import { healthRoutes } from './features/health/health.routes'
import { enrolmentRoutes } from './features/enrolments/enrolments.routes'
import { renewalRoutes } from './features/enrolments/renewal.routes'
import { paymentRoutes } from './features/payments/payments.routes'
import { paymentOrderRoutes } from './features/payments/payment-orders.routes'
import { bankStatementRoutes } from './features/bank-statements/bank-statements.routes'
import { certificateRoutes } from './features/certificates/certificates.routes'
import { rosterRoutes } from './features/rosters/rosters.routes'
import { renewalRosterRoutes } from './features/rosters/renewal-roster.routes'
import { eventRoutes } from './features/events/events.routes'
import { assistedEnrolmentRoutes } from './features/assisted-enrolments/assisted-enrolments.routes'
import { hardshipRoutes } from './features/enrolments/hardship.routes'
import { consentRoutes } from './features/members/consents.routes'
import { memberRoutes } from './features/members/members.routes'
import { identityRoutes } from './features/identity/identity.routes'
import { openApiRoute } from './features/openapi/openapi.routes'
import { quoteRoutes } from './features/quotes/quotes.routes'
import { unitRoutes } from './features/units/units.routes'
import { uploadRoutes } from './features/uploads/uploads.routes'
import { claimRoutes } from './features/claims/claims.routes'
import { reviewRoutes } from './features/review/review.routes'
import { claimPaymentRoutes } from './features/claim-payments/claim-payments.routes'
import { ledgerRoutes } from './features/ledger/ledger.routes'
import { dashboardRoutes } from './features/dashboard/dashboard.routes'
import { transparencyRoutes } from './features/transparency/transparency.routes'
import { payeeAccountRoutes } from './features/payee-accounts/payee-accounts.routes'
import { dataRequestRoutes } from './features/data-requests/data-requests.routes'
import { notificationRoutes } from './features/notifications/notifications.routes'
import { medicalRecordRoutes } from './features/medical-records/medical-records.routes'
import { clientConfigRoutes } from './features/client-config/client-config.routes'
import type { Route } from './http/route'

export const API_VERSION = '1.0.0'

/**
 * The route registry: every endpoint, in one list. `createApp` mounts exactly
 * these and the OpenAPI document describes exactly these. A feature adds its
 * `xxxRoutes` array here.
 */
export const apiRoutes: readonly Route[] = [
  ...healthRoutes,
  ...catalogueRoutes,
  ...catalogueAdminRoutes,
  ...quoteRoutes,
  ...authRoutes,
  ...userRoutes,
  ...unitRoutes,
  ...memberRoutes,
  ...identityRoutes,
  ...consentRoutes,
  ...auditRoutes,
  ...calendarRoutes,
  ...enrolmentRoutes,
  ...renewalRoutes,
  ...paymentRoutes,
  ...paymentOrderRoutes,
  ...bankStatementRoutes,
  ...certificateRoutes,
  ...rosterRoutes,
  ...renewalRosterRoutes,
  ...eventRoutes,
  ...assistedEnrolmentRoutes,
  ...hardshipRoutes,
  ...uploadRoutes,
  ...payeeAccountRoutes,
  ...dataRequestRoutes,
  ...claimRoutes,
  ...reviewRoutes,
  ...claimPaymentRoutes,
  ...ledgerRoutes,
  ...dashboardRoutes,
  ...transparencyRoutes,
  ...medicalRecordRoutes,
  ...notificationRoutes,
  ...clientConfigRoutes,
  openApiRoute(() => apiRoutes, API_VERSION),
]
