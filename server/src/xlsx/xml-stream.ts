import { StringDecoder } from 'node:string_decoder'
import { SaxesParser } from 'saxes'
import { isAppError } from '../http/errors'
import { XLSX_LIMITS } from './limits'
import type { SheetErrors } from './sheet-errors'

/** Callbacks of one XML part; element names without their namespace prefix (`x:row` is `row`). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void
  text(text: string): void
  close(name: string): void
}

const localName = (name: string) => {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/**
 * The XML parser holds a text node or a tag whole until its end: a run of
 * characters without a `<` longer than `maxRunChars` is refused before it is
 * handed over, so a part cannot make the parser hold 100 MB in one string.
 */
function runChecker(errors: SheetErrors): (text: string) => void {
  let run = 0
  return (text) => {
    let from = 0
    for (;;) {
      const lt = text.indexOf('<', from)
      run += (lt < 0 ? text.length : lt) - from
      if (run > XLSX_LIMITS.maxRunChars) throw errors.invalid('text_run_too_long')
      if (lt < 0) return
      run = 0
      from = lt + 1
    }
  }
}

/**
 * Parses one XML part as it inflates (UTF-8 decoded across chunk boundaries:
 * a Chinese character split between two chunks stays whole), calling the
 * handlers synchronously; yields after each chunk so the caller can hand on
 * what the handlers collected. Malformed XML and nesting deeper than
 * `maxDepth` are refused with `errors`.
 */
export async function* parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers, errors: SheetErrors): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false })
  let depth = 0
  parser.on('error', () => {
    throw errors.invalid('malformed_xml')
  })
  parser.on('opentag', (tag) => {
    if (++depth > XLSX_LIMITS.maxDepth) throw errors.invalid('nesting_too_deep')
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>)
  })
  parser.on('text', (text) => handlers.text(text))
  parser.on('closetag', (tag) => {
    depth--
    handlers.close(localName(tag.name))
  })
  const decoder = new StringDecoder('utf8')
  const checkRun = runChecker(errors)
  let first = true
  const feed = (decoded: string) => {
    // A byte-order mark some writers put first is not part of the XML.
    const text = first && decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded
    if (text === '') return
    first = false
    checkRun(text)
    try {
      parser.write(text)
    } catch (error) {
      throw isAppError(error) ? error : errors.invalid('malformed_xml')
    }
  }
  for await (const chunk of chunks) {
    feed(decoder.write(chunk))
    yield
  }
  feed(decoder.end())
  try {
    parser.close()
  } catch (error) {
    throw isAppError(error) ? error : errors.invalid('malformed_xml')
  }
  yield
}
