import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { RosterMember } from '@huzhu/shared'

/**
 * The good rows of a checked roster, kept beside its file as JSON lines
 * (`<id>.rows.jsonl`, the same data the xlsx holds), so the import reads them
 * back without parsing the spreadsheet and checking every row a second time.
 */
export interface StagingWriter {
  add(member: RosterMember): Promise<void>
  close(): Promise<void>
}

export function openStaging(path: string): StagingWriter {
  const out: WriteStream = createWriteStream(path, { flags: 'wx', mode: 0o600 })
  return {
    async add(member) {
      if (!out.write(`${JSON.stringify(member)}\n`)) await once(out, 'drain')
    },
    async close() {
      out.end()
      await once(out, 'finish')
    },
  }
}

/** The staged rows, in file order. */
export async function* readStaging(path: string): AsyncGenerator<RosterMember> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) if (line !== '') yield JSON.parse(line) as RosterMember
}
