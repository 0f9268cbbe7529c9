import ExcelJS from 'exceljs'
import { medicalRecordColumns } from '@huzhu/shared'
import { claimant, freshIdNumber, loginAs, startTestApp, submitTestClaim, XLSX, type TestApp, type TestUser } from '../../../test/helpers'

/**
 * The reviewer's claim page sets the member's own figures beside the
 * medical-insurance record the claim was matched to: the claim response carries
 * that record (for those who handle claims, never for the member), with the
 * figures that differ named.
 */
let app: TestApp
let staff: TestUser
let reviewer: TestUser
beforeAll(async () => {
  app = await startTestApp()
  staff = await loginAs(app, { roles: ['staff'] })
  reviewer = await loginAs(app, { roles: ['reviewer'] })
})
afterAll(() => app.close())

/** One record of the helpers' inpatient claim (2020-06-01, 西安市第一医院) with this pooled out-of-pocket. */
async function importRecord(idNumber: string, pooledYuan: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('医保结算')
  sheet.getColumn(1).numFmt = '@'
  sheet.addRow([...medicalRecordColumns])
  sheet.addRow([idNumber, '西安市第一医院', '2020-06-01', '2020-06-13', '15000.00', pooledYuan, '2000.00', '0'])
  const res = await app.api.request('POST', '/api/v1/medical-records', undefined, {
    token: staff.token, headers: { 'content-type': XLSX }, rawBody: new Uint8Array(Buffer.from(await workbook.xlsx.writeBuffer())),
  })
  expect(res.status).toBe(201)
}

const read = async (claimId: string, token: string) => {
  const res = await app.api.get(`/api/v1/claims/${claimId}`, { token })
  expect(res.status).toBe(200)
  return res.body
}

describe('the matched medical-insurance record in the claim response', () => {
  test('a reviewer and staff get the record’s own figures and which of the member’s differ; the member does not', async () => {
    const idNumber = freshIdNumber()
    const member = await claimant(app, { profile: { idNumber } })
    await importRecord(idNumber, '7500.00')
    const claim = await submitTestClaim(app, member, { figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 12 } })
    expect(claim.status).toBe('submitted')

    const seen = await read(claim.id, reviewer.token)
    // The member's figures stay what they typed; the record's are its own.
    expect(seen.figures).toEqual({ totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 12 })
    expect(seen.medicalRecord).toEqual({
      result: 'mismatch',
      hospital: '西安市第一医院',
      admittedOn: '2020-06-01',
      dischargedOn: '2020-06-13',
      figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 750_000, supplementaryOutOfPocketFen: 200_000, deductiblePaidFen: 0, hospitalDays: 12 },
      differences: ['pooledOutOfPocketFen'],
      importedAt: expect.any(String),
    })
    expect((await read(claim.id, staff.token)).medicalRecord).toMatchObject({ result: 'mismatch', differences: ['pooledOutOfPocketFen'] })
    expect('medicalRecord' in (await read(claim.id, member.token))).toBe(false)

    // The reviewer's read of it is audited with the claim's other medical data.
    const audit = await app.db.selectFrom('audit_log').selectAll().where('actor_user_id', '=', reviewer.id).where('resource', '=', 'claim').execute()
    expect(audit.at(-1)?.fields).toContain('medicalRecord')
  })

  test('no record matched: null for the reviewer', async () => {
    const member = await claimant(app)
    const claim = await submitTestClaim(app, member)
    expect((await read(claim.id, reviewer.token)).medicalRecord).toBeNull()
  })
})
