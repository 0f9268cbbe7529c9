import { getPaymentOrder } from '../../api/member'

export type OrderOutcome = 'paid' | 'closed' | 'open' | 'gone'

/**
 * Asks the server about an order (the server asks WeChat Pay while it is open)
 * every `intervalMs` until it is paid or closed, at most `tries` times; stops
 * quietly (`gone`) once `alive()` says the screen has gone.
 */
export async function waitForOrder(orderId: string, options: { tries: number; intervalMs: number; alive: () => boolean }): Promise<OrderOutcome> {
  for (let i = 0; i < options.tries; i++) {
    if (!options.alive()) return 'gone'
    const order = await getPaymentOrder(orderId)
    if (order.status !== 'open') return order.status
    if (i + 1 < options.tries) await new Promise((done) => setTimeout(done, options.intervalMs))
  }
  return options.alive() ? 'open' : 'gone'
}
