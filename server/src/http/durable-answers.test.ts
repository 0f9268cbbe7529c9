import { createServer } from 'node:http'
import Koa from 'koa'
import { listenOnLoopback } from '../../test/helpers/loopback'
import type { AppContextExtras, AppDeps, AppState } from './context'
import { durableAnswers } from './durable-answers'

/** A bare Koa app with only this middleware and a handler; `durable` resolves when the test says so. */
async function appWith(handler: Koa.Middleware<AppState, AppContextExtras>) {
  const events: string[] = []
  let release = () => {}
  const durable = () => {
    events.push('durable asked')
    return new Promise<void>((done) => { release = () => { events.push('durable'); done() } })
  }
  const app = new Koa<AppState, AppContextExtras>()
  app.context.deps = { durable } as unknown as AppDeps
  app.use(async (ctx, next) => {
    try {
      await next()
    } catch {
      ctx.status = 500
      ctx.body = 'failed'
    }
  })
  app.use(durableAnswers())
  app.use(handler)
  const { url, close } = await listenOnLoopback(createServer(app.callback()))
  return { events, url, release: () => release(), close }
}

test('an answer leaves only after what the handler committed is on disk', async () => {
  const app = await appWith((ctx) => { ctx.body = 'ok' })
  try {
    const answer = fetch(app.url).then(async (response) => { app.events.push('answered'); return response.text() })
    await new Promise((done) => setTimeout(done, 50))
    expect(app.events).toEqual(['durable asked'])
    app.release()
    expect(await answer).toBe('ok')
    expect(app.events).toEqual(['durable asked', 'durable', 'answered'])
  } finally {
    await app.close()
  }
})

test('a handler that fails after committing is answered after the sync too', async () => {
  const app = await appWith(() => { throw new Error('after a commit') })
  try {
    const answer = fetch(app.url).then(async (response) => { app.events.push('answered'); return response.status })
    await new Promise((done) => setTimeout(done, 50))
    expect(app.events).toEqual(['durable asked'])
    app.release()
    expect(await answer).toBe(500)
    expect(app.events).toEqual(['durable asked', 'durable', 'answered'])
  } finally {
    await app.close()
  }
})
