/**
 * Mini-app pages a subscribe message opens, as WeChat wants them (no leading
 * slash). They mirror the mini-app's own `miniapp/src/lib/routes.ts`
 * (`routes.claimDetail`, `routes.card`) and its subpackage roots in
 * `miniapp/src/app.config.ts`: change them together.
 */
export const miniAppPages = {
  claimDetail: (claimId: string) => `claims/detail/index?id=${encodeURIComponent(claimId)}`,
  card: (enrolmentId: string) => `enrol/card/index?enrolment=${encodeURIComponent(enrolmentId)}`,
} as const
