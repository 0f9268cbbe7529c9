import {
  createUnit, fillProfile, freshIdNumber, grantRoles, loginAs, setUnitSelection, startAppWithEveryRole, type EveryRole, type TestApp, type TestUser,
} from '../../../test/helpers'

/**
 * A masked ID number (6101**********1234) beside the full birth date leaves two
 * of its hidden digits to guess, and the check digit shown narrows those to a
 * couple of candidates. Wherever the number is masked (staff, reviewers, admins,
 * unit admins, the card check), the birth date shows its year only; the person
 * themself keeps the full date.
 */
let app: TestApp
let users: EveryRole
beforeAll(async () => ({ app, users } = await startAppWithEveryRole()))
afterAll(() => app.close())

const BIRTH = '1987-06-21'

/** No full birth date in any form, and the masked one where the person is shown. */
function expectNoBirthDate(body: unknown): void {
  const text = JSON.stringify(body)
  expect(text).not.toContain(BIRTH)
  expect(text).not.toContain(BIRTH.replace(/-/g, ''))
}

const personOf = (body: { person: { birthDate: string; idNumber: string } }) => body.person

describe('the birth date beside a masked ID number', () => {
  let member: TestUser
  let enrolmentId: string
  let idNumber: string

  beforeAll(async () => {
    member = await loginAs(app)
    idNumber = freshIdNumber({ birthDate: BIRTH })
    await fillProfile(app, member, { idNumber })
    const enrolled = await app.api.post('/api/v1/me/enrolments', { catalogueId: 'shaanxi-gig-2023', products: ['ZY'] }, { token: member.token })
    expect(enrolled.status).toBe(201)
    enrolmentId = enrolled.body.id
    const paid = await app.api.post('/api/v1/payments', { catalogueId: 'shaanxi-gig-2023', reference: 'BIRTH-0001', amountFen: 10000, enrolmentIds: [enrolmentId] }, { token: users.staff.token })
    expect(paid.status).toBe(201)
  })

  test('the person themself sees the full date and number', async () => {
    const own = await app.api.get(`/api/v1/enrolments/${enrolmentId}`, { token: member.token })
    expect(personOf(own.body)).toMatchObject({ idNumber, birthDate: BIRTH })
    expect((await app.api.get('/api/v1/me/profile', { token: member.token })).body).toMatchObject({ idNumber, birthDate: BIRTH })
  })

  test('staff, reviewers and admins: an enrolment and the enrolment list show the year only', async () => {
    for (const viewer of [users.staff, users.reviewer, users.admin]) {
      const one = await app.api.get(`/api/v1/enrolments/${enrolmentId}`, { token: viewer.token })
      expect(one.status).toBe(200)
      expect(personOf(one.body)).toMatchObject({ idNumber: expect.stringContaining('*'), birthDate: '1987-**-**' })
      expectNoBirthDate(one.body)
      const list = await app.api.get('/api/v1/enrolments?catalogueId=shaanxi-gig-2023&limit=200', { token: viewer.token })
      expect(list.body.enrolments.map((e: { id: string }) => e.id)).toContain(enrolmentId)
      expectNoBirthDate(list.body)
    }
  })

  test('the card check shows the year only', async () => {
    const payload: string = (await app.api.get(`/api/v1/enrolments/${enrolmentId}/certificate`, { token: member.token })).body.payload
    for (const viewer of [users.staff, users.reviewer]) {
      const checked = await app.api.post('/api/v1/certificates/checks', { payload }, { token: viewer.token })
      expect(checked.status).toBe(200)
      expect(personOf(checked.body.enrolment)).toMatchObject({ birthDate: '1987-**-**' })
      expectNoBirthDate(checked.body)
    }
    expectNoBirthDate(payload)
  })

  test('a profile looked up by staff shows the year only', async () => {
    const byId = await app.api.get(`/api/v1/members/${member.id}/profile`, { token: users.staff.token })
    expect(byId.body).toMatchObject({ masked: true, birthDate: '1987-**-**' })
    expectNoBirthDate(byId.body)
    const found = await app.api.post('/api/v1/members/search', { idNumber }, { token: users.staff.token })
    expect(found.status).toBe(200)
    expectNoBirthDate(found.body)
  })

  test("a unit admin's new hire and the unit's list show the year only", async () => {
    const unitId = await createUnit(app, '出生日期测试站')
    await setUnitSelection(app, unitId, 'shaanxi-gig-2023', ['ZY'])
    const unitAdmin = await loginAs(app)
    await grantRoles(app, unitAdmin.id, [{ role: 'unit_admin', unitId }])
    const hire = await app.api.post(`/api/v1/units/${unitId}/new-hires`, {
      name: '赵六', idNumber: freshIdNumber({ birthDate: BIRTH }), mobile: '13912345678', occupation: 'food_delivery', platform: '美团', basicMedicalInsurance: true, unionMember: true,
    }, { token: unitAdmin.token })
    expect(hire.status).toBe(201)
    expect(personOf(hire.body)).toMatchObject({ idNumber: expect.stringContaining('*'), birthDate: '1987-**-**' })
    expectNoBirthDate(hire.body)
    const list = await app.api.get(`/api/v1/enrolments?unitId=${unitId}`, { token: unitAdmin.token })
    expect(list.body.enrolments).toHaveLength(1)
    expectNoBirthDate(list.body)
  })
})
