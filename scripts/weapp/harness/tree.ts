import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What Taro renders in the mini-program: not a DOM but a serialized tree sent
 * through `setData` (`{ nn, sid, uid?, cl, st, cn: [children], v, p0…pN }`),
 * which WeChat draws with the templates of `base.wxml`. Node names and props
 * are numbers this build chose (`nn: '9'`, `p25`); the level-0 templates
 * (`tmpl_0_<nn>`) say which element each is and which attribute each prop
 * fills, so they are read from the build, never hard-coded.
 */

export interface TaroNode {
  nn: string
  sid?: string
  uid?: string
  cl?: string
  st?: string
  v?: string
  cn?: TaroNode[]
  [prop: string]: unknown
}

export interface Template {
  /** The WXML element ('view', 'button', 'input', …; '#text' for text nodes). */
  tag: string
  /** Prop key (`p25`) → attribute name (`value`). */
  props: Record<string, string>
}

/** A rendered element, as a test reads it. */
export interface Element {
  /** The WXML element, or `nn:<name>` for a node `base.wxml` has no template for (WeChat draws nothing). */
  tag: string
  /** The React `id` prop. */
  id: string | null
  /** Taro's node id (what `eh` looks nodes up by). */
  sid: string
  className: string
  style: string
  /** Props by attribute name (`value`, `disabled`, `src`…). */
  props: Record<string, unknown>
  /** The visible text inside, on one line. */
  text: string
  node: TaroNode
}

/** A node and the elements above it, outermost first. */
export interface Hit {
  node: TaroNode
  ancestors: TaroNode[]
}

/** The level-0 templates of `base.wxml`: node name → element and prop names. */
export function readTemplates(dist: string): Map<string, Template> {
  const wxml = readFileSync(join(dist, 'base.wxml'), 'utf8')
  const templates = new Map<string, Template>()
  for (const match of wxml.matchAll(/<template name="tmpl_0_([\w-]+?)(?:_focus)?">\s*<([a-z-]+)([^>]*)>/g)) {
    const [, name, element, attributes] = match as unknown as [string, string, string, string]
    if (element === 'template' || templates.has(name)) continue
    const props: Record<string, string> = {}
    for (const attribute of attributes.matchAll(/([\w:-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g)) props[attribute[2]!] = attribute[1]!
    templates.set(name, { tag: element === 'block' ? '#text' : element, props })
  }
  if (templates.size === 0) throw new Error(`no level-0 templates in ${join(dist, 'base.wxml')}`)
  return templates
}

const INLINE = new Set(['#text', 'text'])

export class TreeReader {
  constructor(private readonly templates: Map<string, Template>) {}

  tagOf(node: TaroNode): string {
    if (node.nn === '#text') return '#text'
    return this.templates.get(node.nn)?.tag ?? `nn:${node.nn}`
  }

  /** Visible text, one line per block element. Text hidden by CSS is included: there is no layout here. */
  text(root: TaroNode | undefined): string {
    return this.rawText(root).replace(/\n\s*\n/g, '\n').replace(/\n{2,}/g, '\n').trim()
  }

  /** Every element under `root`, with its ancestors, in document order. */
  elements(root: TaroNode | undefined): Hit[] {
    const hits: Hit[] = []
    const walk = (node: TaroNode, ancestors: TaroNode[]) => {
      for (const child of node.cn ?? []) {
        if (this.tagOf(child) !== '#text') hits.push({ node: child, ancestors })
        walk(child, [...ancestors, child])
      }
    }
    if (root) walk(root, [])
    return hits
  }

  /**
   * Elements matching a selector: `#id` (the React id, or Taro's sid), `tag`,
   * `.class`, `tag#id.class.other`, `text=…` (the innermost elements whose text
   * contains it), and any of them after ancestors separated by spaces
   * (`#product-ZY view.nut-checkbox`).
   */
  select(root: TaroNode | undefined, selector: string): Hit[] {
    const textAt = selector.indexOf('text=')
    const parts = (textAt >= 0 ? selector.slice(0, textAt) : selector).trim().split(/\s+/).filter(Boolean)
    if (textAt >= 0) parts.push(selector.slice(textAt))
    if (parts.length === 0) throw new Error('an empty selector')
    const last = parts.pop()!
    return this.elements(root).filter((hit) => {
      if (!this.matches(hit.node, last)) return false
      let at = hit.ancestors.length
      for (const part of [...parts].reverse()) {
        do at--
        while (at >= 0 && !this.matches(hit.ancestors[at]!, part))
        if (at < 0) return false
      }
      return true
    })
  }

  describe(node: TaroNode): Element {
    const template = this.templates.get(node.nn)
    const props: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(node)) if (/^p\d+$/.test(key)) props[template?.props[key] ?? key] = value
    return {
      tag: this.tagOf(node), id: node.uid ?? null, sid: node.sid ?? '', className: node.cl ?? '', style: node.st ?? '', props,
      text: this.rawText(node).replace(/\s+/g, ' ').trim(), node,
    }
  }

  /** Node names under `root` that no template draws (`nn:i`…): WeChat shows nothing for them. */
  untemplated(root: TaroNode | undefined): string[] {
    return [...new Set(this.elements(root).map((hit) => this.tagOf(hit.node)).filter((tag) => tag.startsWith('nn:')))]
  }

  /** An indented outline of the tree (`<view#id.class attr="…">`, `"text"`), for reading a page while writing a test. */
  outline(root: TaroNode | undefined, depth = 0): string {
    const lines: string[] = []
    for (const child of root?.cn ?? []) {
      const indent = '  '.repeat(depth)
      if (this.tagOf(child) === '#text') {
        lines.push(`${indent}"${child.v ?? ''}"`)
        continue
      }
      const element = this.describe(child)
      const classes = element.className.trim() ? `.${element.className.trim().split(/\s+/).join('.')}` : ''
      const attributes = Object.entries(element.props).map(([name, value]) => ` ${name}=${JSON.stringify(value)}`).join('')
      lines.push(`${indent}<${element.tag}${element.id ? `#${element.id}` : ''}${classes}${attributes}>`)
      const inner = this.outline(child, depth + 1)
      if (inner) lines.push(inner)
    }
    return lines.join('\n')
  }

  private rawText(node: TaroNode | undefined): string {
    if (!node) return ''
    const tag = this.tagOf(node)
    if (tag === '#text') return node.v ?? ''
    const inner = (node.cn ?? []).map((child) => this.rawText(child)).join('')
    return INLINE.has(tag) ? inner : `\n${inner}\n`
  }

  private matches(node: TaroNode, part: string): boolean {
    if (part.startsWith('text=')) {
      const wanted = part.slice(5)
      const has = (n: TaroNode) => this.rawText(n).includes(wanted)
      return has(node) && !(node.cn ?? []).some((child) => this.tagOf(child) !== '#text' && has(child))
    }
    const parsed = /^([a-z-]*)(?:#([^.#\s]+))?((?:\.[^.#\s]+)*)$/.exec(part)
    if (!parsed) throw new Error(`not a selector this reader knows: ${part}`)
    const [, tag, id, classes] = parsed as unknown as [string, string, string | undefined, string]
    const own = (node.cl ?? '').split(/\s+/)
    return (!tag || this.tagOf(node) === tag) && (id === undefined || node.uid === id || node.sid === id)
      && classes.split('.').filter(Boolean).every((c) => own.includes(c))
  }
}
