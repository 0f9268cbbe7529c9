import { apiRoutes } from '../../routes'
import { openApiPath } from '../../http/openapi'
import { startTestApp, type Json, type TestApp } from '../../../test/helpers'

let app: TestApp
let doc: Json
beforeAll(async () => {
  app = await startTestApp()
  doc = (await app.api.get('/api/v1/openapi.json')).body
})
afterAll(() => app.close())

const operations = () => Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })))

describe('GET /api/v1/openapi.json', () => {
  test('is OpenAPI 3.1 with every route of the registry, once, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0')
    const documented = operations().map((o) => `${o.method} ${o.path}`).sort()
    const registered = apiRoutes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort()
    expect(documented).toEqual(registered)
    const ids = operations().map((o) => o.op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const fixed of ['get /api/v1/health', 'get /api/v1/catalogues', 'get /api/v1/catalogues/{catalogueId}', 'post /api/v1/quotes',
      'post /api/v1/payout-estimates', 'post /api/v1/auth/sms-codes', 'post /api/v1/auth/sessions', 'get /api/v1/openapi.json']) {
      expect(documented).toContain(fixed)
    }
  })

  test('every documented operation is served by the app (the router and the document come from one registry)', async () => {
    for (const route of apiRoutes) {
      const path = route.path.replace(/:(\w+)/g, 'x')
      const res = await app.api.request('OPTIONS', path)
      expect(res.headers.get('allow') ?? '').toContain(route.method.toUpperCase())
    }
  })

  test('request bodies come from the validating zod schemas; errors share one schema', () => {
    const quote = doc.paths['/api/v1/quotes'].post
    const body = quote.requestBody.content['application/json'].schema
    expect(body.required).toEqual(expect.arrayContaining(['catalogueId', 'products', 'mode', 'acceptedOn']))
    expect(body.properties.mode.enum).toEqual(['collective', 'instant'])
    expect(quote.responses['422'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' })
    expect(quote.responses['200'].content['application/json'].schema.properties).toHaveProperty('premiumFen')
    expect(doc.components.schemas.Error.properties.error.required).toEqual(expect.arrayContaining(['code', 'message']))
    const profile = doc.paths['/api/v1/me/profile'].put.requestBody.content['application/json'].schema
    expect(profile.properties.idNumber.type).toBe('string')
  })

  test('a request body is required unless its schema accepts none (withdraw’s note is optional)', () => {
    const withdraw = doc.paths['/api/v1/claims/{claimId}/withdraw'].post
    expect(withdraw.requestBody.required).toBe(false)
    expect(withdraw.requestBody.content['application/json'].schema.properties).toHaveProperty('note')
    expect(doc.paths['/api/v1/quotes'].post.requestBody.required).toBe(true)
    for (const route of apiRoutes) {
      const body = route.request.body
      if (!body) continue
      const op = doc.paths[openApiPath(route.path)][route.method]
      expect({ operationId: route.operationId, required: op.requestBody.required }).toEqual({ operationId: route.operationId, required: !body.safeParse(undefined).success })
    }
  })

  test('path and query parameters, security and roles are declared', () => {
    const getCatalogue = doc.paths['/api/v1/catalogues/{catalogueId}'].get
    expect(getCatalogue.parameters).toEqual([expect.objectContaining({ name: 'catalogueId', in: 'path', required: true })])
    expect(getCatalogue.security).toEqual([])
    const audit = doc.paths['/api/v1/audit-log'].get
    expect(audit.parameters.map((p: { name: string }) => p.name)).toEqual(['subjectUserId', 'actorUserId', 'action', 'from', 'to', 'before', 'limit'])
    expect(audit.security).toEqual([{ bearerAuth: [] }])
    expect(audit['x-roles']).toEqual(['admin'])
    expect(audit.responses).toHaveProperty('403')
    for (const { op } of operations()) {
      expect(op.responses).toHaveProperty('500')
      for (const p of op.parameters as { in: string; required: boolean }[]) if (p.in === 'path') expect(p.required).toBe(true)
    }
    expect(doc.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }))
  })
})
