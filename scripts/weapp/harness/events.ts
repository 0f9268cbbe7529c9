import type { PageInstance } from './page'
import type { Hit, TaroNode } from './tree'

/**
 * Events as WeChat delivers them to a Taro page. Every element template binds
 * its events to the page's `eh` with `data-sid="{{i.sid}}"` and
 * `id="{{i.uid||i.sid}}"`; `eh` (Taro's eventHandler) finds the node by
 * `currentTarget.dataset.sid` in Taro's own DOM and dispatches to React. A tap
 * bubbles: WeChat calls `eh` once for each element on the way up, and Taro
 * holds back a child's dispatch while an ancestor listens too, so calling `eh`
 * along the whole chain matches WeChat (`stopPropagation` included). An input,
 * change or blur does not bubble.
 */

/** Events that go up through the ancestors. */
const BUBBLING = new Set(['tap', 'longpress', 'touchstart', 'touchmove', 'touchend', 'touchcancel'])

export interface EventHost {
  toApp<T>(value: T): T
  /** Virtual milliseconds since launch: the event's timeStamp. */
  now(): number
}

const targetOf = (node: TaroNode) => ({ id: node.uid ?? node.sid ?? '', dataset: { sid: node.sid ?? '' }, offsetLeft: 0, offsetTop: 0 })

/** Delivers one event to the element of `hit` (and, for a tap, to each of its ancestors). */
export function dispatch(page: PageInstance, host: EventHost, hit: Hit, type: string, detail: Record<string, unknown>): void {
  const handler = page.eh as ((event: unknown) => void) | undefined
  if (typeof handler !== 'function') throw new Error(`${page.route} has no eh handler: not a Taro page`)
  const path = BUBBLING.has(type) ? [hit.node, ...[...hit.ancestors].reverse()] : [hit.node]
  const target = targetOf(hit.node)
  const touches = type === 'tap' ? [{ identifier: 0, pageX: 0, pageY: 0, clientX: 0, clientY: 0 }] : []
  for (const node of path) {
    if (!node.sid) continue
    handler.call(page, host.toApp({ type, timeStamp: host.now(), target, currentTarget: targetOf(node), detail, touches, changedTouches: touches, mark: {} }))
  }
}

/** A tap's detail (where the finger was: there is no layout, so the corner). */
export const tapDetail = () => ({ x: 0, y: 0 })

/** What an <input> or <textarea> sends as its value changes. */
export const inputDetail = (value: string) => ({ value, cursor: value.length, keyCode: 0 })
