import type { Middleware } from 'koa'
import type { AppContextExtras, AppState } from './context'

/**
 * No answer leaves before what it reports is on disk: after the handler (and whatever it committed, even if it
 * then failed), the request waits for `deps.durable()`, which syncs every commit so far in one go, shared with
 * the requests that committed meanwhile (SQLite's group commit, db/sqlite/group-commit.ts), or returns at once
 * (nothing committed since the last sync; PostgreSQL, whose commit is durable when it returns). Inside the error
 * handler: a sync that fails is a 500, not an answer that claims what the disk may not hold.
 */
export function durableAnswers(): Middleware<AppState, AppContextExtras> {
  return async (ctx, next) => {
    try {
      await next()
    } finally {
      await ctx.deps.durable()
    }
  }
}
