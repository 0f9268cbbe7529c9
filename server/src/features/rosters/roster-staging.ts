import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { RosterMember } from '@huzhu/shared'
import type { DataProtector } from '../../crypto/protector'

/**
 * The good rows of a checked roster, kept with its file in the blob store
 * (`rosters/<id>.rows.jsonl`, `roster-files.ts`; written and read here as a
 * local file), so the import reads them back without parsing the spreadsheet
 * and checking every row a second time. They hold ID numbers and mobiles, so each line is
 * sealed (AES-256-GCM through the data protector, like every encrypted
 * column): one line per batch of `BATCH` rows, the roster id and the line's
 * place bound in, so a line cannot be moved to another roster or place.
 */
export interface StagingWriter {
  add(member: RosterMember): Promise<void>
  close(): Promise<void>
}

const BATCH = 256
const contextOf = (rosterId: string, line: number) => `roster_staging:${rosterId}:${line}`

export function openStaging(path: string, protector: DataProtector, rosterId: string): StagingWriter {
  const out: WriteStream = createWriteStream(path, { flags: 'wx', mode: 0o600 })
  let batch: RosterMember[] = []
  let line = 0
  const flush = async () => {
    if (batch.length === 0) return
    const sealed = protector.encrypt(JSON.stringify(batch), contextOf(rosterId, line++))
    batch = []
    if (!out.write(`${sealed}\n`)) await once(out, 'drain')
  }
  return {
    async add(member) {
      batch.push(member)
      if (batch.length >= BATCH) await flush()
    },
    async close() {
      await flush()
      out.end()
      await once(out, 'finish')
    },
  }
}

/** The staged rows, in file order. */
export async function* readStaging(path: string, protector: DataProtector, rosterId: string): AsyncGenerator<RosterMember> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  let line = 0
  for await (const text of lines) {
    if (text === '') continue
    yield* JSON.parse(protector.decrypt(text, contextOf(rosterId, line++))) as RosterMember[]
  }
}
