/**
 * Mini-app pages a subscribe message opens, as WeChat wants them (no leading
 * slash). They mirror the mini-app's own `miniapp/src/lib/routes.ts`
 * (`routes.claimDetail`, `routes.card`), `miniapp/src/staff/lib/staff-routes.ts`
 * (`staffUrls.unit`) and its subpackage roots in
 * `miniapp/src/app.config.ts`: change them together.
 */
export const miniAppPages = {
  claimDetail: (claimId: string) => `claims/detail/index?id=${encodeURIComponent(claimId)}`,
  card: (enrolmentId: string) => `enrol/card/index?enrolment=${encodeURIComponent(enrolmentId)}`,
  /** The staff app's unit page (`staffUrls.unit`): a unit admin's renewal reminder. */
  unit: (unitId: string) => `staff/unit/index?unitId=${encodeURIComponent(unitId)}`,
} as const
