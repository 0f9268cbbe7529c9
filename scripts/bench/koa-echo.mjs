/**
 * The quote benchmark's baseline (bench/quotes-http.ts): a bare Koa server that answers a POSTed
 * JSON body with the same JSON, and `GET /api/v1/health` with `{}` so it starts like the real
 * server. No middleware, no validation, no database: what Node and Koa cost on this machine.
 * Plain JavaScript run by `node` alone, so no loader (tsx) sits in the baseline.
 *
 *   PORT=3999 node bench/koa-echo.mjs
 */
import Koa from 'koa'

const app = new Koa()
app.use(async (ctx) => {
  if (ctx.method !== 'POST') {
    ctx.body = {}
    return
  }
  const chunks = []
  for await (const chunk of ctx.req) chunks.push(chunk)
  ctx.body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
})
app.listen(Number(process.env.PORT), process.env.HUZHU_HOST ?? '127.0.0.1')
