import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { addDays, builtInCatalogues, compileCatalogue, loadCatalogue, type Catalogue, type CatalogueData, type CatalogueOrigin } from '@huzhu/shared'
import type { Db } from '../../db/open'
import { catalogueChangeMark, listCatalogueRows } from './catalogues.repository'
import type { CatalogueRow } from './catalogues.table'

/** The catalogues the server quotes and pays from: shipped (built in, data folder) and published by an admin. */
export interface CatalogueStore {
  list(): readonly Catalogue[]
  get(id: string): Catalogue | undefined
}

/** A catalogue on offer with where it came from and the admin's row (none: never touched in the app). */
export interface StoredCatalogue {
  catalogue: Catalogue
  origin: CatalogueOrigin
  row: CatalogueRow | null
}

/**
 * The store every request reads. Shipped catalogues are read once at start; the
 * database's are read again whenever the sum of the rows' change counters moved.
 * `refresh` reads that mark now (at start, before each job, and on the node that
 * just changed a catalogue, after the commit); `fresh`, at the start of each API
 * request, reads it at most once every CATALOGUE_MAX_AGE_MS per node (requests in
 * between share that read), so a catalogue published or closed on one node is what
 * every node quotes and enrols by within a second, without a restart, and a busy
 * node does not pay a database round trip per request for it.
 */
export interface LiveCatalogueStore extends CatalogueStore {
  refresh(db: Db): Promise<void>
  /**
   * The catalogues as the database had them at most `maxAgeMs` ago (one read of the change mark per `maxAgeMs` at most):
   * `undefined` when they already are (a finished read began less than `maxAgeMs` ago), so most requests wait for nothing;
   * else the read to wait for (the one under way, or a new one).
   */
  fresh(db: Db): Promise<void> | undefined
  /** Every catalogue on offer with its origin and row, in the order of `list`. */
  records(): readonly StoredCatalogue[]
  record(id: string): StoredCatalogue | undefined
  /** A shipped catalogue of this id (built in or a data-folder file), as shipped. */
  shipped(id: string): StoredCatalogue | undefined
}

const MAX_FILE_BYTES = 2 * 1024 * 1024

/** How old the change mark an API request goes by may be: another node's publish or closure is seen within this. */
export const CATALOGUE_MAX_AGE_MS = 1000

export interface CatalogueStoreOptions {
  /** Default CATALOGUE_MAX_AGE_MS; 0 reads the mark for every request. */
  maxAgeMs?: number
  /** Monotonic milliseconds (default `performance.now`); tests pass their own. */
  now?: () => number
}

function readCatalogueFile(path: string): { ok: true; raw: unknown } | { ok: false; reason: string } {
  const size = statSync(path).size
  if (size > MAX_FILE_BYTES) return { ok: false, reason: `larger than ${MAX_FILE_BYTES} bytes` }
  try {
    return { ok: true, raw: JSON.parse(readFileSync(path, 'utf8')) as unknown }
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * The built-in catalogues and every `*.json` in `dir` (checked by the shared
 * schema). A bad file, or one whose id is already taken, is logged and skipped:
 * it never stops the server.
 */
function loadShipped(dir: string, logger: Logger): Map<string, StoredCatalogue> {
  const byId = new Map<string, StoredCatalogue>([...builtInCatalogues()].map(([id, catalogue]) => [id, { catalogue, origin: 'built_in' as const, row: null }]))
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.json')).sort() : []
  for (const file of files) {
    const path = join(dir, file)
    const read = readCatalogueFile(path)
    if (!read.ok) {
      logger.error({ file, reason: read.reason }, 'catalogue file skipped')
      continue
    }
    const loaded = loadCatalogue(read.raw)
    if (!loaded.ok) {
      logger.error({ file, issues: loaded.issues.slice(0, 20) }, 'catalogue file skipped: it does not match the catalogue schema')
      continue
    }
    if (byId.has(loaded.catalogue.id)) {
      logger.error({ file, id: loaded.catalogue.id }, 'catalogue file skipped: its id is already taken')
      continue
    }
    byId.set(loaded.catalogue.id, { catalogue: loaded.catalogue, origin: 'data_folder', row: null })
    logger.info({ file, id: loaded.catalogue.id }, 'catalogue loaded')
  }
  return byId
}

/**
 * The catalogue as offered: the admin's successor (when named) replaces the
 * file's, and a catalogue closed to new enrolments on a day stops taking them
 * the day before (`enrolment.closesOn`), so every enrolment path (self, event,
 * roster, new hire, renewal into it) and every quote refuses it by the engine's
 * own `enrolment_closed` rule.
 */
export function applySettings(data: CatalogueData, row: Pick<CatalogueRow, 'successor' | 'successor_set' | 'closed_on'>): CatalogueData {
  const next: CatalogueData = { ...data, enrolment: { ...data.enrolment } }
  if (row.successor_set === 1) {
    if (row.successor === null) delete next.successor
    else next.successor = row.successor
  }
  if (row.closed_on !== null) {
    const lastDay = addDays(row.closed_on, -1)
    if (next.enrolment.closesOn === undefined || lastDay < next.enrolment.closesOn) next.enrolment.closesOn = lastDay
  }
  return next
}

function storedOf(row: CatalogueRow, shipped: StoredCatalogue | undefined, logger: Logger): StoredCatalogue | undefined {
  if (row.data === null) {
    if (!shipped) return undefined
    return { catalogue: compileCatalogue(applySettings(shipped.catalogue.data, row)), origin: shipped.origin, row }
  }
  if (shipped) {
    logger.error({ id: row.id }, 'published catalogue skipped: a shipped catalogue has its id')
    return undefined
  }
  const loaded = loadCatalogue(JSON.parse(row.data) as unknown)
  if (!loaded.ok) {
    logger.error({ id: row.id, issues: loaded.issues.slice(0, 20) }, 'published catalogue skipped: it no longer matches the catalogue schema')
    return undefined
  }
  return { catalogue: compileCatalogue(applySettings(loaded.catalogue.data, row)), origin: 'published', row }
}

export function loadCatalogueStore(dir: string, logger: Logger, options: CatalogueStoreOptions = {}): LiveCatalogueStore {
  const maxAgeMs = options.maxAgeMs ?? CATALOGUE_MAX_AGE_MS
  const now = options.now ?? (() => performance.now())
  const shipped = loadShipped(dir, logger)
  let byId = new Map(shipped)
  let list = [...byId.values()].map((s) => s.catalogue)
  // The change mark the catalogues in `byId` were loaded at; it only grows (rows are never deleted, changes only add).
  let mark = -1

  const load = async (db: Db): Promise<void> => {
    const seen = await catalogueChangeMark(db)
    if (seen <= mark) return
    const next = new Map(shipped)
    for (const row of await listCatalogueRows(db)) {
      const stored = storedOf(row, shipped.get(row.id), logger)
      if (stored) next.set(row.id, stored)
    }
    // Two requests may load at once after a change: the later state wins, whichever finishes first.
    if (seen <= mark) return
    byId = next
    list = [...next.values()].map((s) => s.catalogue)
    mark = seen
  }

  // The latest read of the mark: when it started, its end (requests within maxAgeMs of its start wait for it, not for
  // their own), and whether it finished (then they have nothing to wait for).
  let last: { started: number; done: Promise<void>; finished: boolean } | undefined
  const read = (db: Db): Promise<void> => {
    const started = now()
    const done = load(db)
    const current = { started, done, finished: false }
    last = current
    // A failed read is not reused: the next request reads again (those that waited on it fail as they would have alone).
    done.then(() => { current.finished = true }, () => { if (last === current) last = undefined })
    return done
  }

  return {
    list: () => list,
    get: (id) => byId.get(id)?.catalogue,
    records: () => [...byId.values()],
    record: (id) => byId.get(id),
    shipped: (id) => shipped.get(id),
    refresh: read,
    fresh: (db) => {
      if (last === undefined || now() - last.started >= maxAgeMs) return read(db)
      return last.finished ? undefined : last.done
    },
  }
}
