import { z } from 'zod'

/** The queue's page position: due date and id of the last claim shown, base64url JSON. */
export interface QueueCursor {
  dueOn: string
  id: string
}

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify([cursor.dueOn, cursor.id])).toString('base64url')
}

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().regex(/^clm_[0-9A-Z]{26}$/)])

export function decodeCursor(text: string): QueueCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
    return parsed.success ? { dueOn: parsed.data[0], id: parsed.data[1] } : undefined
  } catch {
    return undefined
  }
}
