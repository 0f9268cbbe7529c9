import { XLSX_LIMITS } from './limits'
import { spreadsheetError, type SheetErrors } from './sheet-errors'
import { parseXml } from './xml-stream'

const BLOCK_SHIFT = 10
const BLOCK = 1 << BLOCK_SHIFT

/**
 * The shared strings packed into one string per 1,024 with their offsets in a
 * typed array: a million short strings take about 20 MB instead of a million
 * objects (and nothing keeps the parser's chunks alive).
 */
export class SharedStringTable {
  private readonly blocks: string[] = []
  private pending: string[] = []
  private pendingLength = 0
  private starts = new Uint32Array(BLOCK)
  private count = 0

  get size(): number {
    return this.count
  }

  push(text: string): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2)
      grown.set(this.starts)
      this.starts = grown
    }
    this.starts[this.count++] = this.pendingLength
    this.pending.push(text)
    this.pendingLength += text.length
    if (this.pending.length === BLOCK) this.seal()
  }

  /** The string at `index`, undefined past the end. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined
    const blockNo = index >> BLOCK_SHIFT
    const block = blockNo < this.blocks.length ? this.blocks[blockNo]! : this.pending.join('')
    const lastInBlock = (index & (BLOCK - 1)) === BLOCK - 1 || index === this.count - 1
    return block.slice(this.starts[index], lastInBlock ? block.length : this.starts[index + 1])
  }

  /** Packs the last, partial block: call once every string is in. */
  finish(): this {
    if (this.pending.length > 0) this.seal()
    return this
  }

  private seal(): void {
    this.blocks.push(this.pending.join(''))
    this.pending = []
    this.pendingLength = 0
  }
}

/**
 * The workbook's shared-string table (`xl/sharedStrings.xml`) as plain text:
 * rich-text runs joined, phonetic guides (`<rPh>`) left out. At most
 * `maxSharedStrings` strings of `maxSharedStringChars` characters in all
 * (each at most `maxTextChars`): past a limit the file is refused (422 naming
 * it) before more is held.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>, errors: SheetErrors): Promise<SharedStringTable> {
  const table = new SharedStringTable()
  let chars = 0
  let inString = false
  let inPhonetic = false
  let inText = false
  let text = ''
  const parsing = parseXml(chunks, {
    open(name) {
      if (name === 'si') {
        if (table.size >= XLSX_LIMITS.maxSharedStrings) throw spreadsheetError('spreadsheet_too_many_strings', XLSX_LIMITS.maxSharedStrings, 'too_many_shared_strings')
        inString = true
        text = ''
      } else if (name === 'rPh') inPhonetic = true
      else if (name === 't' && inString && !inPhonetic) inText = true
    },
    text(value) {
      if (!inText) return
      if (text.length + value.length > XLSX_LIMITS.maxTextChars) throw errors.invalid('text_too_long')
      text += value
    },
    close(name) {
      if (name === 't') inText = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'si' && inString) {
        chars += text.length
        if (chars > XLSX_LIMITS.maxSharedStringChars) throw spreadsheetError('spreadsheet_too_much_text', XLSX_LIMITS.maxSharedStringChars, 'too_much_shared_text')
        table.push(text)
        inString = false
      }
    },
  }, errors)
  for await (const _ of parsing) {
    // The handlers above collect as each chunk is parsed.
  }
  return table.finish()
}
