import ExcelJS from 'exceljs'
import { unseal } from '../../src/crypto/personal-data'
import { claimant, submitTestClaim, type Claimant } from './claims'
import type { TestUser } from './login'
import type { ProfileFields } from './members'
import { XLSX } from './rosters'
import type { TestApp } from './test-app'

/** A claim approved by the reviewer (the engine's amount, or `amountFen` with a note), with its member. */
export async function approvedClaim(app: TestApp, reviewer: TestUser, options: { profile?: ProfileFields; amountFen?: number; member?: Claimant } = {}): Promise<{ id: string; member: Claimant }> {
  const member = options.member ?? await claimant(app, options.profile ? { profile: options.profile } : {})
  const claim = await submitTestClaim(app, member)
  const body = options.amountFen === undefined ? { decision: 'approve' } : { decision: 'approve', amountFen: options.amountFen, note: '调整' }
  const res = await app.api.post(`/api/v1/claims/${claim.id}/decisions`, body, { token: reviewer.token })
  if (res.status !== 200) throw new Error(`decisions answered ${res.status}: ${res.text}`)
  return { id: claim.id as string, member }
}

/** `POST /api/v1/claim-payments`: a payment batch of these claims. */
export const makeBatch = (app: TestApp, staff: TestUser, claimIds: readonly string[]) => app.api.post('/api/v1/claim-payments', { claimIds }, { token: staff.token })

/** The full number of a payee account, read from the database as the bank file does. */
export async function accountNumber(app: TestApp, accountId: string): Promise<string> {
  const row = await app.db.selectFrom('payee_accounts').select(['id', 'number_ciphertext']).where('id', '=', accountId).executeTakeFirstOrThrow()
  return unseal(app.protector, 'payee_accounts.number', row.id, row.number_ciphertext)
}

/** Downloads a batch's bank transfer file: the status, and its rows (header first) when 200. */
export async function downloadBankFile(app: TestApp, staff: TestUser, batchId: string): Promise<{ status: number; rows: unknown[][]; types: number[][] }> {
  const res = await fetch(`${app.baseUrl}/api/v1/claim-payments/${batchId}/bank-file.xlsx`, { headers: { authorization: `Bearer ${staff.token}` } })
  if (res.status !== 200) return { status: res.status, rows: [], types: [] }
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  const sheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  const types: number[][] = []
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1))
    const t: number[] = []
    row.eachCell({ includeEmpty: true }, (cell) => t.push(cell.type))
    types.push(t)
  })
  return { status: 200, rows, types }
}

/** A results file as a bank sends it: the header row (our column names unless given), then the lines. */
export async function resultsXlsx(lines: readonly (string | number | null)[][], header: readonly string[] = ['附言', '收款账号', '金额', '结果', '失败原因', '日期', '银行流水号']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('结果')
  sheet.addRow([...header])
  for (const line of lines) sheet.addRow([...line])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** `POST /api/v1/claim-payments/:batchId/results` with the file's bytes. */
export const importResults = (app: TestApp, staff: TestUser, batchId: string, file: Buffer | string, contentType = XLSX) =>
  app.api.request('POST', `/api/v1/claim-payments/${batchId}/results`, undefined, { token: staff.token, headers: { 'content-type': contentType }, rawBody: typeof file === 'string' ? file : new Uint8Array(file) })
