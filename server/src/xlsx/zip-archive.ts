import { open as openFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { formatBytes, isAppError } from '../http/errors'
import { XLSX_LIMITS } from './limits'
import { spreadsheetError, type SheetErrors } from './sheet-errors'

/**
 * An uploaded xlsx opened as a zip by its central directory (yauzl): the
 * directory is checked before anything is inflated (entry count, declared
 * sizes, compression ratio, a workbook inside), then entries are read by name
 * in the order the reader needs them, so nothing is ever parked in a temporary
 * file. Every inflated byte is counted: an entry may not inflate to more than
 * it declared, and the whole file not to more than `XLSX_LIMITS.maxInflatedBytes`.
 */
export interface ZipArchive {
  has(name: string): boolean
  /** The entry's inflated bytes, counted as they come. */
  read(name: string): AsyncGenerator<Buffer>
  close(): void
}

const ZIP_MAGIC = 0x04034b50

async function assertZipMagic(path: string, errors: SheetErrors): Promise<void> {
  const handle = await openFile(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    if (bytesRead < 4 || head.readUInt32LE(0) !== ZIP_MAGIC) throw errors.invalid('not_a_zip')
  } finally {
    await handle.close()
  }
}

function openZip(path: string, errors: SheetErrors): Promise<yauzl.ZipFile> {
  return new Promise((done, fail) => {
    // Sizes are checked below as the bytes come out, with this module's own refusals.
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: false }, (error, zip) => {
      if (error || !zip) fail(errors.invalid('not_a_zip'))
      else done(zip)
    })
  })
}

/** Reads and checks the central directory; refuses a zip bomb or a zip that is not a workbook. */
function readDirectory(zip: yauzl.ZipFile, errors: SheetErrors): Promise<Map<string, yauzl.Entry>> {
  return new Promise((done, fail) => {
    const entries = new Map<string, yauzl.Entry>()
    let declared = 0
    const stop = (error: Error) => {
      zip.removeAllListeners('entry')
      fail(error)
    }
    zip.on('error', () => stop(errors.invalid('corrupt_zip')))
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize
      if (entries.has(entry.fileName)) return stop(errors.invalid('duplicate_entry'))
      entries.set(entry.fileName, entry)
      if (entries.size > XLSX_LIMITS.maxEntries) return stop(errors.invalid('too_many_entries'))
      if (declared > XLSX_LIMITS.maxInflatedBytes) return stop(spreadsheetError('spreadsheet_too_large_inflated', formatBytes(XLSX_LIMITS.maxInflatedBytes), 'too_large_uncompressed'))
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > Math.max(1, entry.compressedSize) * XLSX_LIMITS.maxRatio) return stop(errors.invalid('compression_ratio'))
      zip.readEntry()
    })
    zip.on('end', () => (entries.has('xl/workbook.xml') ? done(entries) : fail(errors.invalid('not_a_workbook'))))
    zip.readEntry()
  })
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, errors: SheetErrors): Promise<Readable> {
  return new Promise((done, fail) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? fail(errors.invalid('corrupt_zip')) : done(stream)))
  })
}

export async function openArchive(path: string, errors: SheetErrors): Promise<ZipArchive> {
  await assertZipMagic(path, errors)
  const zip = await openZip(path, errors)
  let entries: Map<string, yauzl.Entry>
  try {
    entries = await readDirectory(zip, errors)
  } catch (error) {
    zip.close()
    throw error
  }
  let inflated = 0
  return {
    has: (name) => entries.has(name),
    async *read(name) {
      const entry = entries.get(name)
      if (!entry) throw errors.invalid('missing_part')
      const stream = await openEntry(zip, entry, errors)
      let bytes = 0
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          bytes += chunk.length
          inflated += chunk.length
          // The directory's sizes passed the checks above; an entry that inflates past its own is lying.
          if (bytes > entry.uncompressedSize) throw errors.invalid('entry_size_mismatch')
          if (inflated > XLSX_LIMITS.maxInflatedBytes) throw spreadsheetError('spreadsheet_too_large_inflated', formatBytes(XLSX_LIMITS.maxInflatedBytes), 'too_large_uncompressed')
          yield chunk
        }
      } catch (error) {
        if (isAppError(error)) throw error
        throw errors.invalid('corrupt_zip')
      } finally {
        stream.destroy()
      }
      if (bytes !== entry.uncompressedSize) throw errors.invalid('entry_size_mismatch')
    },
    close: () => zip.close(),
  }
}
