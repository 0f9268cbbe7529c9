import type { Insertable, Selectable } from 'kysely'

/**
 * A medical-insurance settlement record (医保结算数据) as the office imported it:
 * the person only by the keyed hash of the ID number (never in clear), the
 * stay, and the settlement figures in fen. One row per person, hospital and
 * admission date (a later import replaces it).
 */
export interface MedicalRecordsTable {
  id: string
  import_id: string
  id_number_hash: string
  hospital: string
  admitted_on: string
  discharged_on: string
  total_cost_fen: number
  pooled_out_of_pocket_fen: number
  supplementary_out_of_pocket_fen: number
  deductible_fen: number
  imported_by: string
  imported_at: string
}
export type MedicalRecordRow = Selectable<MedicalRecordsTable>
export type NewMedicalRecordRow = Insertable<MedicalRecordsTable>
