/**
 * What the server will inflate and parse of one uploaded xlsx (a roster, a
 * medical-insurance settlement file). Each bounds memory or time whatever a
 * file claims about itself; see `server/README.md`, "Spreadsheets".
 */
export const XLSX_LIMITS = {
  /** Entries in the zip's central directory. */
  maxEntries: 2_000,
  /** Bytes inflated from the whole file, counted as they come out (and the sum the directory declares). */
  maxInflatedBytes: 200 * 1024 * 1024,
  /** An entry over 1 MB declaring more than this many times its compressed size is a bomb (sheet XML compresses ~10-20×). */
  maxRatio: 100,
  /** Distinct shared strings (a 100,000-row roster has about 300,000). */
  maxSharedStrings: 1_000_000,
  /** Characters of all shared strings together. */
  maxSharedStringChars: 16_000_000,
  /** Cells of the sheet read (100,000 rows × 11 columns is 1.1 million). */
  maxCells: 4_000_000,
  /** Characters of one cell's or one shared string's text (Excel's own limit is 32,767). */
  maxTextChars: 32_767,
  /** Characters in a row without a `<` (one text node or one tag): the XML parser holds such a run whole. */
  maxRunChars: 1_000_000,
  /** Elements open at once (a sheet needs 6). */
  maxDepth: 64,
} as const

/** How many spreadsheets are parsed at once (the rest wait their turn, a bounded number and time). */
export const PARSE_SLOTS = {
  concurrent: 2,
  maxWaiting: 16,
  maxWaitMs: 60_000,
  /** What a refused request is told to wait (Retry-After). */
  retryAfterSeconds: 15,
} as const
