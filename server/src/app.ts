import Koa from 'koa'
import { createDataProtector } from './crypto/protector'
import { guardFor } from './features/accounts/access'
import { loadCatalogueStore, type LiveCatalogueStore } from './features/catalogues/catalogue-store'
import { refreshCatalogues } from './features/catalogues/refresh-catalogues'
import type { AppContextExtras, AppDeps, AppState } from './http/context'
import { isClientGoneError } from './http/client-abort'
import { compression } from './http/compression'
import { durableAnswers } from './http/durable-answers'
import { errorMiddleware } from './http/error-middleware'
import { createWechatPayClient } from './features/wechat-pay/wechat-pay-client'
import { createBlobStore, type BlobStore } from './files/blob-store'
import { apiRouter } from './http/api-router'
import { requestContext } from './http/request-context'
import type { Route } from './http/route'
import { staticFiles } from './http/static-files'
import { apiRoutes } from './routes'

/** The outside world the app is given (the data protector is made from `config`). */
export interface AppOptions extends Omit<AppDeps, 'protector' | 'catalogues' | 'wechatPay' | 'blobs'> {
  /** Defaults to the built-in catalogues plus `${dataDir}/catalogues/*.json`, and those published in the database. */
  catalogues?: LiveCatalogueStore
  /** Defaults to the store `config.blobStore` names. */
  blobs?: BlobStore
  /** Defaults to the registry in routes.ts; tests may add routes. */
  routes?: readonly Route[]
}

export type App = Koa<AppState, AppContextExtras>

/**
 * Builds the Koa app: no globals, no listening. Middleware, outermost first:
 * request id and access log, the one error handler, answers wait for the disk, gzip, the built H5 app (when
 * configured), the API routes (each with its guard and validation).
 */
export function createApp(options: AppOptions): App {
  const { config, logger } = options
  const deps: AppDeps = {
    db: options.db,
    readDb: options.readDb,
    durable: options.durable,
    config,
    clock: options.clock,
    outbox: options.outbox,
    wechat: options.wechat,
    wechatPay: config.wechatPay && createWechatPayClient(config.wechatPay, options.clock, logger),
    logger,
    protector: createDataProtector(config.secrets.dataKey),
    catalogues: options.catalogues ?? loadCatalogueStore(config.cataloguesDir, logger),
    blobs: options.blobs ?? createBlobStore(config.blobStore, config.dataDir),
  }

  // Behind N proxies `ctx.ip` is the N-th X-Forwarded-For entry from the right (what the client-facing proxy saw);
  // the entries left of it are whatever the client sent. Without proxies the header is ignored.
  const app: App = new Koa<AppState, AppContextExtras>({ proxy: config.trustedProxies > 0, maxIpsCount: config.trustedProxies })
  app.context.deps = deps
  // Errors are answered by errorMiddleware; this only sees failures after the response started (e.g. a file stream).
  // A client that goes away mid-response (a rider's phone losing signal) is not a server fault.
  app.on('error', (err: unknown) => {
    if (isClientGoneError(err)) logger.debug({ code: (err as { code?: string }).code }, 'client went away')
    else logger.error({ err }, 'response failed')
  })

  app.use(requestContext(logger, { hsts: config.isProduction }))
  app.use(errorMiddleware())
  app.use(durableAnswers())
  app.use(compression())
  if (config.staticDir) app.use(staticFiles(config.staticDir))
  app.use(refreshCatalogues())
  app.use(apiRouter(options.routes ?? apiRoutes, { guard: guardFor, checkResponses: config.checkResponses }))
  return app
}
