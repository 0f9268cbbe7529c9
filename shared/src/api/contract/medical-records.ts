import { medicalRecordImportSchema } from '../medical-records'
import { endpoint } from './endpoint'

export const medicalRecordsEndpoints = {
  importMedicalRecords: endpoint({ method: 'post', path: '/api/v1/medical-records', operationId: 'importMedicalRecords', response: medicalRecordImportSchema }),
} as const
