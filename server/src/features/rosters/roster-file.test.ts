import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtInCatalogues } from '@huzhu/shared'
import { writeLargeRoster } from '../../../test/helpers'
import { checkRosterFileOffline } from './roster-check.service'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-roster-file-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('Chinese text survives the streaming reader’s chunk boundaries (exceljs #2084)', async () => {
  const path = join(dir, 'chinese.xlsx')
  await writeLargeRoster(path, 6_000) // a name lands on a 16 KB boundary about every 4,100 rows
  const names = new Set<string>()
  const result = await checkRosterFileOffline(path, builtInCatalogues().get('shaanxi-gig-2023')!, '2026-11-24', '2026-11-24', (m) => void names.add(`${m.name}/${m.platform}`))
  expect(result.errors).toEqual([])
  expect(result.validCount).toBe(6_000)
  expect([...names]).toEqual(['张三/美团西安站'])
})
