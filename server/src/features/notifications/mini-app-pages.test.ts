import { routes } from '../../../../miniapp/src/lib/routes'
import { staffUrls } from '../../../../miniapp/src/staff/lib/staff-routes'
import { miniAppPages } from './mini-app-pages'

describe('subscribe-message pages', () => {
  test('are the mini-app’s own page URLs, without the leading slash WeChat refuses', () => {
    expect(miniAppPages.claimDetail('clm_01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe(routes.claimDetail('clm_01JABCDEFGHJKMNPQRSTVWXYZ0').slice(1))
    expect(miniAppPages.card('enr_01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe(routes.card('enr_01JABCDEFGHJKMNPQRSTVWXYZ0').slice(1))
    expect(miniAppPages.unit('unt_01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe(staffUrls.unit('unt_01JABCDEFGHJKMNPQRSTVWXYZ0').slice(1))
    expect(routes.staffUnit('unt_01JABCDEFGHJKMNPQRSTVWXYZ0')).toBe(staffUrls.unit('unt_01JABCDEFGHJKMNPQRSTVWXYZ0'))
  })
})
