import { base64UrlEncode, endpoints } from '@huzhu/shared'
import { todayInChina } from '../../clock'
import { notFound } from '../../http/errors'
import { defineRoute } from '../../http/route'
import { currentUser } from '../accounts/access'
import { viewerOf } from '../enrolments/enrolment-access'
import { presentEnrolment } from '../enrolments/enrolments.presenter'
import { presentDeps } from '../enrolments/enrolments.presenter'
import { loadView } from '../enrolments/enrolments.service'
import { enrolmentParamsSchema } from '../enrolments/schema'
import { checkCertificate, issueCertificate } from './certificates.service'

const tags = ['certificates']

export const getCertificate = defineRoute({
  endpoint: endpoints.certificates.getCertificate, tags, access: 'signed_in',
  summary: 'The member card (signed QR payload) of an active enrolment: for the insured person, staff, or the enrolling unit’s admin',
  request: { params: enrolmentParamsSchema },
  responses: { 200: { description: 'The card' } },
  errors: [404, 409],
  async handler(ctx) {
    const view = await loadView(ctx.deps.db, ctx.input.params.enrolmentId)
    if (!(await viewerOf(ctx.deps.db, currentUser(ctx), view))) throw notFound('enrolment_not_found')
    ctx.body = issueCertificate(view, ctx.deps.config.secrets.signingKey, ctx.deps.protector, todayInChina(ctx.deps.clock))
  },
})

export const getCertificateKeys = defineRoute({
  endpoint: endpoints.certificates.getCertificateKeys, tags, access: 'public',
  summary: 'Public keys that member cards are signed with (for offline checks)',
  responses: { 200: { description: 'Keys' } },
  handler(ctx) {
    const key = ctx.deps.config.secrets.signingKey
    ctx.body = { keys: [{ keyId: key.id, publicKey: base64UrlEncode(key.publicKey) }] }
  },
})

export const checkCertificateRoute = defineRoute({
  endpoint: endpoints.certificates.checkCertificate, tags, access: { roles: ['staff', 'reviewer', 'admin'] },
  summary: 'Check a scanned card: signature and dates offline, then whether the cover has been cancelled since',
  responses: { 200: { description: 'The verdict (invalid cards too)' } },
  async handler(ctx) {
    const outcome = await checkCertificate(ctx.deps.readDb, ctx.deps.config.secrets.signingKey, ctx.input.body.payload, todayInChina(ctx.deps.clock))
    ctx.body = {
      verdict: outcome.verdict, message: outcome.message,
      enrolment: outcome.view ? presentEnrolment(outcome.view, 'staff', presentDeps(ctx.deps)) : null,
    }
  },
})

export const certificateRoutes = [getCertificate, getCertificateKeys, checkCertificateRoute]
