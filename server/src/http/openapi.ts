import { z } from 'zod'
import { errorBodySchema } from '@huzhu/shared'
import type { Route } from './route'

type JsonObject = Record<string, unknown>

const statusText: Readonly<Record<number, string>> = {
  400: 'Invalid input: `validation_failed` with one detail per field, or `body_invalid_json`',
  401: 'Not signed in, or the session expired or was revoked',
  403: 'Signed in without a role this needs',
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Request body is not JSON',
  422: 'Understood but refused by a rule; `details` names each rule',
  429: 'Too many requests; see `Retry-After`',
  500: 'Unexpected failure (`internal_error`); logged with the request id',
  502: 'An outside service failed',
  503: 'A provider is not configured or not reachable, or too many spreadsheets are being read (`spreadsheet_busy`); see `Retry-After`',
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject
  return rest
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return []
  const object = jsonSchema(schema, 'input')
  const properties = (object.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((object.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }))
}

/** A JSON body is required unless its schema accepts none at all (e.g. `.optional()`: the body may be left out). */
function bodyRequired(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success
}

function errorStatuses(route: Route): number[] {
  const { body, query, params } = route.request
  const statuses = new Set<number>(route.errors)
  if (body || query || params) statuses.add(400)
  if (route.access !== 'public') statuses.add(401)
  if (typeof route.access === 'object') statuses.add(403)
  if (body || route.rawBody) {
    statuses.add(413)
    statuses.add(415)
  }
  statuses.add(500)
  return [...statuses].sort((a, b) => a - b)
}

function operation(route: Route): JsonObject {
  const responses: JsonObject = {}
  for (const [status, spec] of Object.entries(route.responses)) {
    const mediaType = spec.contentType ?? 'application/json'
    responses[status] = {
      description: spec.description,
      ...(spec.schema || spec.contentType ? { content: { [mediaType]: { schema: spec.schema ? jsonSchema(spec.schema, 'output') : {} } } } : {}),
    }
  }
  for (const status of errorStatuses(route)) {
    responses[String(status)] = {
      description: statusText[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    }
  }
  const roles = typeof route.access === 'object' ? route.access.roles : undefined
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [...route.tags],
    ...(roles ? { description: `Roles: ${roles.join(', ')}.`, 'x-roles': [...roles] } : {}),
    security: route.access === 'public' ? [] : [{ bearerAuth: [] }],
    parameters: [...parameters(route.request.params, 'path'), ...parameters(route.request.query, 'query')],
    ...(route.request.body ? {
      requestBody: { required: bodyRequired(route.request.body), content: { 'application/json': { schema: jsonSchema(route.request.body, 'input') } } },
    } : route.rawBody ? {
      requestBody: {
        required: true,
        description: route.rawBody.description,
        content: Object.fromEntries(route.rawBody.mediaTypes.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])),
      },
    } : {}),
    responses,
  }
}

/** `/api/v1/catalogues/:catalogueId` → `/api/v1/catalogues/{catalogueId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}

/** The OpenAPI 3.1 document of every declared route, from the same zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly Route[], info: { version: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {}
  for (const route of routes) {
    const path = openApiPath(route.path)
    paths[path] ??= {}
    paths[path][route.method] = operation(route)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Huzhu API',
      version: info.version,
      description: 'Trade-union mutual-aid cover for gig workers. Every error is `{error: {code, message, details?}}`, `message` in Chinese.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'token from POST /api/v1/auth/sessions' } },
    },
  }
}
