import { endpoint, endpoints, pathOf, queryString } from '.'

describe('pathOf: the URL of a call to a contract entry', () => {
  test('fills each :parameter with its URL-encoded value', () => {
    expect(pathOf(endpoints.claims.getClaim, { claimId: 'c 1/?#' })).toBe('/api/v1/claims/c%201%2F%3F%23')
    expect(pathOf(endpoints.rosters.importRoster, { unitId: 'u1', rosterId: 'r/2' })).toBe('/api/v1/units/u1/rosters/r%2F2/import')
    expect(pathOf(endpoints.calendar.getCalendarYear, { year: 2027 })).toBe('/api/v1/calendar/2027')
    expect(pathOf(endpoints.transparency.getTransparencyPlan, { catalogueId: '工会', planYear: 1 })).toBe('/api/v1/transparency/%E5%B7%A5%E4%BC%9A/1')
  })

  test('a path without parameters is the template itself; a query adds the values that are set, encoded', () => {
    expect(pathOf(endpoints.users.getMe)).toBe('/api/v1/me')
    expect(pathOf(endpoints.enrolments.listEnrolments, {}, { unitId: 'u&1', status: undefined, q: '', cursor: null, full: 1, on: '2027-01-01' }))
      .toBe('/api/v1/enrolments?unitId=u%261&full=1&on=2027-01-01')
    expect(queryString({ a: undefined })).toBe('')
  })

  test('a parameter missing at run time (e.g. from untyped JavaScript) is an error, not a wrong URL', () => {
    const loose = pathOf as (e: unknown, params?: unknown) => string
    expect(() => loose(endpoints.claims.getClaim, {})).toThrow('getClaim: path parameter claimId missing')
  })

  test('TypeScript requires exactly the parameters of the template', () => {
    const e = endpoint({ method: 'get', path: '/x/:a/y/:b', operationId: 'x' })
    expect(pathOf(e, { a: 1, b: 2 })).toBe('/x/1/y/2')
    // @ts-expect-error b is missing
    expect(() => pathOf(e, { a: 1 })).toThrow()
    // @ts-expect-error the template has no parameter c
    expect(pathOf(e, { a: 1, b: 2, c: 3 })).toBe('/x/1/y/2')
  })
})
