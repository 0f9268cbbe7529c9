import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { builtInCatalogues, loadCatalogue, type Catalogue } from '@huzhu/shared'

/** The catalogues the server quotes and pays from: the built-in ones plus the data folder's. */
export interface CatalogueStore {
  list(): readonly Catalogue[]
  get(id: string): Catalogue | undefined
}

const MAX_FILE_BYTES = 2 * 1024 * 1024

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
 * Loads the built-in catalogues and every `*.json` in `dir` (checked by the
 * shared schema). A bad file, or one whose id is already taken, is logged and
 * skipped: it never stops the server. Read once at start.
 */
export function loadCatalogueStore(dir: string, logger: Logger): CatalogueStore {
  const byId = new Map<string, Catalogue>(builtInCatalogues())
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
    byId.set(loaded.catalogue.id, loaded.catalogue)
    logger.info({ file, id: loaded.catalogue.id }, 'catalogue loaded')
  }
  const list = [...byId.values()]
  return { list: () => list, get: (id) => byId.get(id) }
}
