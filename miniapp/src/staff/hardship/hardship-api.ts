import { endpoints, type HardshipWorker, type HardshipWorkerList } from '@huzhu/shared'
import { call } from '../../api/call'

/** Hardship workers (困难职工): the flags in force (masked), a new flag, a flag removed by its id. */

export function fetchHardshipWorkers(before?: string): Promise<HardshipWorkerList> {
  return call(endpoints.hardship.listHardshipWorkers, { query: { before } })
}

/** The name and ID number go in the body, never in a URL. */
export function flagHardshipWorker(body: { name: string; idNumber: string; reason: string }): Promise<HardshipWorker> {
  return call(endpoints.hardship.flagHardshipWorker, { body })
}

export function removeHardshipWorker(hardshipWorkerId: string): Promise<void> {
  return call(endpoints.hardship.removeHardshipWorker, { params: { hardshipWorkerId } })
}
