import { endpoints, type Endpoint } from '@huzhu/shared'
import { apiRoutes } from './routes'

/** Every entry of the shared API contract, named `area.operationId`. */
const contract: ReadonlyArray<[string, Endpoint]> = Object.entries(endpoints).flatMap(([area, table]) =>
  Object.entries(table as Record<string, Endpoint>).map(([key, entry]): [string, Endpoint] => [`${area}.${key}`, entry]))

describe('the route registry and the shared API contract', () => {
  test('every route is mounted from its contract entry: same method, path and operationId', () => {
    const entries = new Set(contract.map(([, entry]) => entry))
    const strays = apiRoutes.filter((route) => !route.endpoint || !entries.has(route.endpoint)).map((route) => `${route.method} ${route.path}`)
    expect(strays).toEqual([])
    for (const route of apiRoutes) {
      expect([route.method, route.path, route.operationId]).toEqual([route.endpoint?.method, route.endpoint?.path, route.endpoint?.operationId])
    }
  })

  test('every contract entry is a route, once; entries are named by their operationId', () => {
    const mounted = apiRoutes.map((route) => route.endpoint)
    const unmounted = contract.filter(([, entry]) => mounted.filter((e) => e === entry).length !== 1).map(([name]) => name)
    expect(unmounted).toEqual([])
    expect(contract.filter(([name, entry]) => !name.endsWith(`.${entry.operationId}`)).map(([name]) => name)).toEqual([])
    const addresses = contract.map(([, entry]) => `${entry.method} ${entry.path}`)
    expect(new Set(addresses).size).toBe(addresses.length)
  })

  test('the schemas a contract entry names are the ones its route validates and documents', () => {
    const mismatches: string[] = []
    for (const route of apiRoutes) {
      const entry = route.endpoint
      if (!entry) continue
      if (entry.body && route.request.body !== entry.body) mismatches.push(`${entry.operationId} body`)
      if (entry.query && route.request.query !== entry.query) mismatches.push(`${entry.operationId} query`)
      const successes = Object.entries(route.responses).filter(([status]) => Number(status) < 300).map(([, spec]) => spec.schema)
      if (entry.response && !successes.includes(entry.response)) mismatches.push(`${entry.operationId} response`)
    }
    expect(mismatches).toEqual([])
  })
})
