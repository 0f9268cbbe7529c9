import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { medicalRecordImportSchema, message, staffUi, type MedicalRecordImport, type MeResponse } from '@huzhu/shared'
import { MedicalRecordErrors } from '../../src/staff/components/MedicalRecordErrors'
import MedicalRecordsPage from '../../src/staff/medical'
import StaffHomePage from '../../src/staff/index'
import { MedicalRecordsPanel } from '../../src/staff/medical/MedicalRecordsPanel'
import { setRequestHandler, setStorageSync } from '../taro-stub'

// The server's two answers, checked against the shared contract so they cannot drift from it.
const refused: MedicalRecordImport = medicalRecordImportSchema.parse({
  rowCount: 4,
  importedCount: 0,
  errors: [
    { row: 2, column: '身份证号码', code: 'id_checksum', message: message('id_checksum') },
    { row: 3, column: '出院日期', code: 'medical_record_discharge_before_admission', message: message('medical_record_discharge_before_admission') },
    { row: 3, column: '医疗费用总额', code: 'medical_record_amount_invalid', message: message('medical_record_amount_invalid') },
    { row: 5, column: '医院', code: 'medical_record_hospital_required', message: message('medical_record_hospital_required') },
  ],
})
const imported: MedicalRecordImport = medicalRecordImportSchema.parse({ rowCount: 3, importedCount: 3, errors: [] })

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const aFile = () => new File([new Uint8Array([0x50, 0x4b, 3, 4, 9, 9])], '医保结算.xlsx', { type: XLSX })

function errorRows() {
  return Array.from(document.querySelectorAll<HTMLElement>('.medical-error')).map((row) => [Number(row.dataset.row), row.dataset.column, row.textContent])
}

/** jsdom has no fetch: a stand-in that answers like the server (status and JSON body). */
function serverAnswers(status: number, body: unknown) {
  const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: status >= 200 && status < 300, status, json: async () => body, headers: { get: () => null } }))
  globalThis.fetch = fetchMock as unknown as typeof fetch
  return fetchMock
}

describe('medical-records import result', () => {
  test('refused: says nothing was imported and lists every bad cell with its row, column and reason', () => {
    render(<MedicalRecordErrors result={refused} />)
    expect(document.getElementById('medical-summary')?.textContent).toBe('共 4 行，其中 3 行有 4 处错误，没有导入任何数据。请修改后重新上传整个文件。')
    expect(errorRows()).toEqual([
      [2, '身份证号码', `2身份证号码${message('id_checksum')}`],
      [3, '出院日期', '3出院日期出院日期不能早于入院日期'],
      [3, '医疗费用总额', `3医疗费用总额${message('medical_record_amount_invalid')}`],
      [5, '医院', '5医院请填写医院名称'],
    ])
    // Nothing was imported, so nothing happens to the claims.
    expect(document.getElementById('medical-next')).toBeNull()
  })

  test('imported: the counts, no error table, and what happens to the matching claims next', () => {
    render(<MedicalRecordErrors result={imported} />)
    expect(document.getElementById('medical-summary')?.textContent).toBe('共 3 行，已全部导入（3 条）')
    expect(document.getElementById('medical-errors')).toBeNull()
    const next = document.getElementById('medical-next')?.textContent ?? ''
    expect(next).toContain(staffUi.medical.nextMatched)
    expect(next).toContain(staffUi.medical.nextApproved)
    expect(next).toContain(`“${staffUi.flag.medical_figures_mismatch}”`)
  })
})

describe('medical-records upload (H5)', () => {
  const realFetch = globalThis.fetch
  afterEach(() => {
    globalThis.fetch = realFetch
  })

  test('uploads the bytes with the token and shows every bad row; a corrected file is then imported', async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-office-staff-0123456789')
    const fetchMock = serverAnswers(200, refused)
    render(<MedicalRecordsPanel />)
    expect(document.getElementById('medical-columns')?.textContent).toContain('身份证号码、医院、入院日期、出院日期、医疗费用总额、统筹段自付、附加段自付、起付线')

    fireEvent.change(document.getElementById('medical-file')!, { target: { files: [aFile()] } })
    await waitFor(() => expect(document.querySelectorAll('.medical-error')).toHaveLength(4))
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/medical-records')
    expect(init?.method).toBe('POST')
    expect(Array.from(new Uint8Array(init?.body as ArrayBuffer))).toEqual([0x50, 0x4b, 3, 4, 9, 9])
    const headers = init?.headers as Record<string, string>
    expect(headers.Authorization).toBe('Bearer token-of-the-office-staff-0123456789')
    expect(headers['Content-Type']).toBe(XLSX)
    expect(document.getElementById('medical-result')?.dataset.imported).toBe('0')
    expect(screen.getByText(staffUi.medical.reupload)).toBeTruthy()

    serverAnswers(201, imported)
    fireEvent.change(document.getElementById('medical-file')!, { target: { files: [aFile()] } })
    await waitFor(() => expect(document.getElementById('medical-result')?.dataset.imported).toBe('3'))
    expect(document.querySelectorAll('.medical-error')).toHaveLength(0)
    expect(document.getElementById('medical-next')).toBeTruthy()
  })

  test('a file the server cannot read: its message, no result', async () => {
    setStorageSync('huzhu.session.token', 'token-of-the-office-staff-0123456789')
    serverAnswers(422, { error: { code: 'medical_records_invalid_file', message: message('medical_records_invalid_file') } })
    render(<MedicalRecordsPanel />)
    fireEvent.change(document.getElementById('medical-file')!, { target: { files: [aFile()] } })
    await waitFor(() => expect(document.getElementById('medical-error')?.textContent).toBe(message('medical_records_invalid_file')))
    expect(document.getElementById('medical-result')).toBeNull()
  })
})

describe('who reaches the import', () => {
  function signedInAs(roles: MeResponse['roles']) {
    setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
    const me: MeResponse = { id: 'usr_1', roles, grants: [], phoneMasked: '138****5678', wechatLinked: false, hasProfile: true }
    setRequestHandler(({ url }) => (url === '/api/v1/me' ? { statusCode: 200, data: me } : { statusCode: 404, data: { error: { code: 'not_found', message: '未找到' } } }))
  }

  test.each([['staff'], ['admin']] as const)('%s: an entry on the staff home and the page opens', async (role) => {
    signedInAs(['member', role])
    const home = render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-entry-medical')?.textContent).toContain(staffUi.entries.medical))
    home.unmount()
    render(<MedicalRecordsPage />)
    await waitFor(() => expect(document.getElementById('medical-panel')).toBeTruthy())
  })

  test('a reviewer has no entry and is refused the page', async () => {
    signedInAs(['member', 'reviewer'])
    const home = render(<StaffHomePage />)
    await waitFor(() => expect(document.getElementById('staff-entry-review')).toBeTruthy())
    expect(document.getElementById('staff-entry-medical')).toBeNull()
    home.unmount()
    render(<MedicalRecordsPage />)
    await waitFor(() => expect(document.getElementById('staff-forbidden')).toBeTruthy())
  })
})
