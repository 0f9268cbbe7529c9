import type { ClaimFigures, DocumentKind, PayoutLine, RefusalCode } from '@huzhu/shared'
import { claimFlagCodes } from '@huzhu/shared'

/** The JSON columns of a claim, typed. They are written only by this feature, so parsing trusts their shape. */
export type ClaimFlagCode = (typeof claimFlagCodes)[number]
export interface StoredFlag {
  code: ClaimFlagCode
  otherClaimId: string | null
  /** What the reviewer should know beyond the code (e.g. which figures differ from the medical-insurance record). */
  detail?: string
}

export interface StoredDecision {
  decidedAt: string
  decision: 'approve' | 'request_material' | 'reject'
  approvedFen: number | null
  /** The approved payout lines (the engine's, adjusted to the approved amount). */
  lines: PayoutLine[]
  refusal: { code: RefusalCode; number: number; text: string } | null
  missing: DocumentKind[]
  note: string | null
}

export const parseFigures = (text: string): ClaimFigures => JSON.parse(text) as ClaimFigures
export const parseLines = (text: string): PayoutLine[] => JSON.parse(text) as PayoutLine[]
export const parseFlags = (text: string): StoredFlag[] => JSON.parse(text) as StoredFlag[]
export const parseStrings = (text: string): string[] => JSON.parse(text) as string[]
export const parseDecision = (text: string | null): StoredDecision | null => (text === null ? null : (JSON.parse(text) as StoredDecision))

/** JSON with object keys sorted, so equal values give equal text (for request hashes). */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
