import {
  cellText, medicalRecordColumns, message, parseIdNumber, parseYuan,
  type CivilDate, type MessageCode, type MessageParams, type RosterError,
} from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'
import { hashIdNumber } from '../../crypto/personal-data'
import type { SpreadsheetPurpose } from '../../files/spreadsheet-upload'
import { AppError } from '../../http/errors'
import { readFirstSheet } from '../../xlsx/sheet-reader'
import { sheetDate } from '../../xlsx/cell-dates'

/** At most this many data rows in one file (a month of a district's settlements fits easily). */
export const MAX_MEDICAL_RECORD_ROWS = 50_000

/** A good row: the person only as the keyed hash of the ID number. */
export interface MedicalRecordLine {
  row: number
  idNumberHash: string
  hospital: string
  admittedOn: CivilDate
  dischargedOn: CivilDate
  totalCostFen: number
  pooledOutOfPocketFen: number
  supplementaryOutOfPocketFen: number
  deductibleFen: number
}

export interface CheckedMedicalRecords {
  rowCount: number
  /** Every problem, in row order; empty: every row is good. */
  errors: RosterError[]
}

/** An uploaded settlement file (`files/spreadsheet-upload.ts`): at most 20 MB; its refusals speak of 医保结算数据. */
export const medicalRecordUpload: SpreadsheetPurpose = {
  label: 'medical-records',
  // Same limit as a roster: a settlement export of this size holds far more rows than allowed.
  maxBytes: 20 * 1024 * 1024,
  codes: { contentType: 'medical_records_content_type', tooLarge: 'medical_records_file_too_large', invalidFile: 'medical_records_invalid_file' },
}

const columnLetter = (index: number) => String.fromCharCode(65 + index)

/**
 * Checks every row of a medical-insurance settlement file (first sheet, header
 * the first row, with the columns of `medicalRecordColumns`) as it streams in:
 * the ID number (shared rules), hospital, admission and discharge dates, the
 * four amounts in yuan, and duplicates within the file. Every problem is
 * reported with its row, column and a Chinese reason; nothing stops at the
 * first. `onLine` gets each good row as soon as it is checked, while no row
 * has failed (the rows after a failure are only checked): nothing is held but
 * the duplicate check's index (one short key per row, within the row limit)
 * and the errors.
 */
export async function checkMedicalRecordFile(
  path: string, protector: DataProtector, today: CivilDate, onLine?: (line: MedicalRecordLine) => void | Promise<void>,
): Promise<CheckedMedicalRecords> {
  const errors: RosterError[] = []
  const seen = new Map<string, number>()
  let rowCount = 0
  let header = false
  for await (const [row, cells] of readFirstSheet(path, { invalidFileCode: medicalRecordUpload.codes.invalidFile, maxColumns: medicalRecordColumns.length })) {
    const fail = (index: number, code: MessageCode | string, params?: MessageParams) => {
      errors.push({ row, column: medicalRecordColumns[index]!, cell: `${columnLetter(index)}${row}`, code, message: message(code as MessageCode, params) })
    }
    if (!header) {
      header = true
      medicalRecordColumns.forEach((expected, i) => {
        if (cellText(cells[i]) !== expected) fail(i, 'medical_record_header_invalid', { expected })
      })
      continue
    }
    if (cells.every((c) => cellText(c) === '')) continue
    if (++rowCount > MAX_MEDICAL_RECORD_ROWS) throw new AppError(422, medicalRecordUpload.codes.invalidFile, { details: [{ reason: 'too_many_rows' }] })

    let idNumberHash: string | undefined
    const idCell = cells[0]
    if (typeof idCell === 'number') fail(0, 'id_lost_digits')
    else {
      const parsed = parseIdNumber(cellText(idCell), today)
      if (parsed.ok) idNumberHash = hashIdNumber(protector, parsed.value.value)
      else fail(0, parsed.code, parsed.params)
    }

    const hospital = cellText(cells[1]).replace(/\s+/g, ' ')
    if (hospital === '') fail(1, 'medical_record_hospital_required')
    else if (hospital.length > 100) fail(1, 'medical_record_hospital_too_long')

    const dates = [2, 3].map((i) => {
      const date = sheetDate(cells[i]) ?? null
      if (date === null) fail(i, 'medical_record_date_invalid')
      else if (date > today) fail(i, 'medical_record_date_in_future')
      return date
    })
    const [admittedOn, dischargedOn] = dates
    if (admittedOn && dischargedOn && dischargedOn < admittedOn) fail(3, 'medical_record_discharge_before_admission')

    const amounts = [4, 5, 6, 7].map((i) => {
      const fen = parseYuan(cellText(cells[i]))
      if (fen === null) fail(i, 'medical_record_amount_invalid')
      return fen
    })
    const [total, pooled, supplementary, deductible] = amounts
    if (total != null && pooled != null && supplementary != null && deductible != null && pooled + supplementary + deductible > total) {
      fail(4, 'medical_record_amounts_exceed_total')
    }

    if (idNumberHash && hospital && admittedOn) {
      const key = `${idNumberHash}|${admittedOn}|${hospital}`
      const first = seen.get(key)
      if (first !== undefined) fail(0, 'medical_record_duplicate_row', { row: first })
      else seen.set(key, row)
    }
    if (errors.length === 0 && onLine) {
      await onLine({
        row, idNumberHash: idNumberHash!, hospital, admittedOn: admittedOn!, dischargedOn: dischargedOn!,
        totalCostFen: total!, pooledOutOfPocketFen: pooled!, supplementaryOutOfPocketFen: supplementary!, deductibleFen: deductible!,
      })
    }
  }
  if (rowCount === 0 && errors.length === 0) throw new AppError(422, 'medical_records_empty')
  return { rowCount, errors }
}
