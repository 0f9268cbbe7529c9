import { AppError } from '../http/errors'
import { ParseSlots } from './parse-slots'

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

const limits = { concurrent: 2, maxWaiting: 1, maxWaitMs: 30_000, retryAfterSeconds: 7 }

async function refusalOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code, message: error.userMessage, headers: error.headers }
    throw error
  }
  throw new Error('not refused')
}

const busy = { status: 503, code: 'spreadsheet_busy', message: '正在处理的表格较多，请 7 秒后再试', headers: { 'Retry-After': '7' } }

test('two at once; the next waits its turn; one more than the queue holds is a 503 with Retry-After', async () => {
  const slots = new ParseSlots(limits)
  const first = await slots.acquire()
  await slots.acquire()
  let third = false
  const waiting = slots.acquire().then((release) => { third = true; return release })
  expect(slots.busy).toEqual({ running: 2, waiting: 1 })
  expect(await refusalOf(slots.acquire())).toEqual(busy)
  await Promise.resolve()
  expect(third).toBe(false)
  first()
  first() // a second release of the same slot changes nothing
  const release = await waiting
  expect(third).toBe(true)
  expect(slots.busy).toEqual({ running: 2, waiting: 0 })
  release()
  expect(slots.busy).toEqual({ running: 1, waiting: 0 })
})

test('a wait that runs out is a 503 and leaves the queue', async () => {
  const slots = new ParseSlots(limits)
  await slots.acquire()
  await slots.acquire()
  const waiting = refusalOf(slots.acquire())
  jest.advanceTimersByTime(limits.maxWaitMs)
  expect(await waiting).toEqual(busy)
  expect(slots.busy).toEqual({ running: 2, waiting: 0 })
})
