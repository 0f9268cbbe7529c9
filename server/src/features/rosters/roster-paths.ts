import { join } from 'node:path'

/** Stored roster files: `${dataDir}/rosters/<rosterId>.xlsx`. */
export const rostersDir = (dataDir: string) => join(dataDir, 'rosters')
export const rosterPath = (dataDir: string, rosterId: string) => join(rostersDir(dataDir), `${rosterId}.xlsx`)
export const rosterStagingPath = (dataDir: string, rosterId: string) => join(rostersDir(dataDir), `${rosterId}.rows.jsonl`)
