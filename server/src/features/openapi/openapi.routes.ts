import { endpoints } from '@huzhu/shared'
import { z } from 'zod'
import { buildOpenApiDocument } from '../../http/openapi'
import { defineRoute, type Route } from '../../http/route'

/** `GET /api/v1/openapi.json`, built once from the route registry it is part of. */
export function openApiRoute(routes: () => readonly Route[], version: string): Route {
  let document: Record<string, unknown> | undefined
  return defineRoute({
    endpoint: endpoints.openapi.getOpenApiDocument, tags: ['meta'], access: 'public',
    summary: 'This document: OpenAPI 3.1 of every endpoint, generated from the zod schemas that validate requests',
    responses: { 200: { description: 'OpenAPI 3.1 document', schema: z.looseObject({ openapi: z.literal('3.1.0') }) } },
    handler(ctx) {
      document ??= buildOpenApiDocument(routes(), { version })
      ctx.body = document
    },
  })
}
