import { endpoints } from '@huzhu/shared'
import { z } from 'zod'
import { defineRoute } from '../../http/route'

export const health = defineRoute({
  endpoint: endpoints.health.health, tags: ['health'], access: 'public',
  summary: 'Liveness: answers once the server has migrated its database and listens',
  responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
  handler(ctx) {
    ctx.body = { status: 'ok' }
  },
})

export const healthRoutes = [health]
