import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { auditExportColumns, auditResourceLabel, idCheckCharacter, maskMobile } from '@huzhu/shared'
import ExcelJS from 'exceljs'
import { newId } from '../../ids'
import { loginAs, startTestApp, type TestApp, type TestUser } from '../../../test/helpers'
import { AUDIT_EXPORT_LIMIT } from './audit-export'

let app: TestApp
let admin: TestUser
let staff: TestUser
let member: TestUser
beforeAll(async () => {
  app = await startTestApp()
  admin = await loginAs(app, { roles: ['admin'] })
  staff = await loginAs(app, { roles: ['staff'] })
  member = await loginAs(app)
  await app.api.post('/api/v1/me/consents', { kind: 'sensitive_personal_info', textVersion: 'v1' }, { token: member.token })
  const first17 = '61010219900101171'
  await app.api.put('/api/v1/me/profile', {
    name: '赵六', idNumber: first17 + idCheckCharacter(first17), mobile: '13811112222', occupation: 'ride_hailing', platform: '滴滴',
    basicMedicalInsurance: true, unionMember: false,
  }, { token: member.token })
  for (let i = 0; i < 3; i++) await app.api.get(`/api/v1/members/${member.id}/profile`, { token: staff.token })
})
afterAll(() => app.close())

const log = (query: string, token = admin.token) => app.api.get(`/api/v1/audit-log?${query}`, { token })
const actions = (res: { body: { entries: { action: string }[] } }) => res.body.entries.map((e) => e.action)

async function exportRows(query: string, token = admin.token): Promise<{ status: number; disposition: string | null; rows: unknown[][]; body: unknown }> {
  const res = await fetch(`${app.baseUrl}/api/v1/audit-log/export.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) return { status: res.status, disposition: null, rows: [], body: await res.json() }
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return { status: res.status, disposition: res.headers.get('content-disposition'), rows, body: null }
}

describe('GET /api/v1/audit-log', () => {
  test('an admin sees who read or changed a member’s data, newest first, with the accounts’ login phones masked', async () => {
    const res = await log(`subjectUserId=${member.id}`)
    expect(res.status).toBe(200)
    expect(actions(res)).toEqual(['read', 'read', 'read', 'create'])
    expect(res.body.entries[0]).toEqual({
      id: expect.stringMatching(/^aud_/), at: expect.any(String), actorUserId: staff.id, subjectUserId: member.id, action: 'read',
      resource: 'member_profile', fields: ['idNumber', 'mobile'], ip: expect.any(String), requestId: expect.any(String),
      actorPhoneMasked: maskMobile(staff.phone), subjectPhoneMasked: maskMobile(member.phone),
    })
    expect(res.text).not.toContain(staff.phone)
    expect(res.body.nextBefore).toBeNull()
    expect(actions(await log(`actorUserId=${member.id}`))).toEqual(['create'])
  })

  test('pages with nextBefore', async () => {
    const first = await log(`subjectUserId=${member.id}&limit=3`)
    expect(first.body.entries).toHaveLength(3)
    const second = await log(`subjectUserId=${member.id}&limit=3&before=${first.body.nextBefore}`)
    expect(actions(second)).toEqual(['create'])
    expect(second.body.nextBefore).toBeNull()
  })

  test('filters by action, and by days in China time (both ends included)', async () => {
    expect(actions(await log(`subjectUserId=${member.id}&action=create`))).toEqual(['create'])
    expect(actions(await log(`subjectUserId=${member.id}&action=read&actorUserId=${staff.id}`))).toEqual(['read', 'read', 'read'])
    expect(actions(await log(`subjectUserId=${member.id}&action=verify`))).toEqual([])

    // 23:59:59 on 26 November in China, then midnight: two days.
    app.clock.set('2026-11-26T15:59:59.000Z')
    await app.api.get(`/api/v1/members/${member.id}/profile`, { token: admin.token })
    app.clock.set('2026-11-26T16:00:00.000Z')
    await app.api.get(`/api/v1/members/${member.id}/profile`, { token: admin.token })
    const day26 = await log(`actorUserId=${admin.id}&action=read&from=2026-11-26&to=2026-11-26`)
    expect(day26.body.entries.map((e: { at: string }) => e.at)).toEqual([expect.stringMatching(/^2026-11-26T15:59:59\.\d{3}Z$/)])
    const from27 = await log(`actorUserId=${admin.id}&action=read&from=2026-11-27`)
    expect(from27.body.entries.map((e: { at: string }) => e.at)).toEqual([expect.stringMatching(/^2026-11-26T16:00:00\.\d{3}Z$/)])
    expect(actions(await log(`actorUserId=${admin.id}&action=read&to=2026-11-25`))).toEqual([])
    expect(actions(await log(`actorUserId=${admin.id}&action=read&from=2026-11-24&to=2026-11-30`))).toEqual(['read', 'read'])
  })

  test('bad query is a 400 with the field’s code; only admins may read it', async () => {
    expect((await log('limit=0')).status).toBe(400)
    expect((await log('subjectUserId=bob')).status).toBe(400)
    expect((await log('action=steal')).status).toBe(400)
    expect((await log('from=2026-02-30')).body.error.details).toEqual([expect.objectContaining({ path: 'from', code: 'date_invalid' })])
    const reversed = await log('from=2026-11-27&to=2026-11-26')
    expect([reversed.status, reversed.body.error.details]).toEqual([400, [expect.objectContaining({ path: 'to', code: 'audit_range_invalid', message: '结束日期不能早于开始日期' })]])
    expect((await log('', staff.token)).status).toBe(403)
    expect((await log(`subjectUserId=${member.id}`, member.token)).status).toBe(403)
  })
})

describe('GET /api/v1/audit-log/export.xlsx', () => {
  test('the filtered log as a spreadsheet in China time and words, phones masked; the export is itself audited', async () => {
    const res = await exportRows(`subjectUserId=${member.id}&from=2026-11-24&to=2026-11-30`)
    expect(res.status).toBe(200)
    expect(res.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('审计日志-2026-11-24至2026-11-30.xlsx')}`)
    expect(res.rows[0]).toEqual([...auditExportColumns])
    expect(res.rows).toHaveLength(1 + 6)
    expect(res.rows[1]).toEqual([
      '2026-11-27 00:00:00', admin.id, maskMobile(admin.phone), '查看', member.id, maskMobile(member.phone), '会员实名信息（member_profile）', '身份证号码、手机号', expect.any(String), expect.any(String),
    ])
    expect(res.rows.at(-1)!.slice(3, 7)).toEqual(['新增', member.id, maskMobile(member.phone), '会员实名信息（member_profile）'])
    expect(JSON.stringify(res.rows)).not.toContain(member.phone)

    const recorded = await log(`actorUserId=${admin.id}&action=export`)
    expect(recorded.body.entries).toEqual([expect.objectContaining({ action: 'export', resource: 'audit_log', subjectUserId: member.id })])
  })

  test('only admins export; the same filters are checked', async () => {
    expect((await exportRows('', staff.token)).status).toBe(403)
    expect((await exportRows('', member.token)).status).toBe(403)
    expect((await exportRows('from=2026-11-27&to=2026-11-01')).status).toBe(400)
    // A misspelt filter is refused, not ignored into an export of everything.
    expect((await exportRows(`actor=${staff.id}`)).body).toMatchObject({ error: { code: 'validation_failed' } })
  })

  test(`more than ${AUDIT_EXPORT_LIMIT} entries is a 422 asking for a narrower filter, and nothing is recorded`, async () => {
    const subject = newId('usr', app.clock.now())
    const at = '2026-11-20T02:00:00.000Z'
    const rows = Array.from({ length: AUDIT_EXPORT_LIMIT + 1 }, () => ({
      id: newId('aud', new Date(at)), at, actor_user_id: null, subject_user_id: subject, action: 'read', resource: 'member_profile', fields: '[]', ip: null, request_id: null,
    }))
    await app.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute()
    })
    const exportsBefore = (await log(`actorUserId=${admin.id}&action=export`)).body.entries.length
    const res = await exportRows(`subjectUserId=${subject}`)
    expect(res.status).toBe(422)
    expect(res.body).toEqual({ error: { code: 'audit_export_too_large', message: `符合条件的记录超过 ${AUDIT_EXPORT_LIMIT} 条，请缩小日期范围或增加筛选条件后再导出` } })
    expect((await log(`actorUserId=${admin.id}&action=export`)).body.entries).toHaveLength(exportsBefore)
    // Narrowed to days without them, it goes (the header alone).
    expect((await exportRows(`subjectUserId=${subject}&from=2026-11-21`)).rows).toHaveLength(1)
  }, 60_000)
})

describe('the audit log’s names of what was done to', () => {
  test('every kind of resource the server records has a name in Chinese on the audit page (no raw code shown)', () => {
    // The kinds as the server's code writes them: `resource: 'kind'` or `resource: \`kind:${…}\``.
    const kinds = new Set<string>()
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          for (const m of readFileSync(path, 'utf8').matchAll(/resource: ['`]([a-z_]+)[:'`]/g)) kinds.add(m[1]!)
        }
      }
    }
    walk(join(__dirname, '../..'))
    expect(kinds.size).toBeGreaterThan(20)
    expect([...kinds].filter((kind) => auditResourceLabel(kind) === kind).sort()).toEqual([])
  })
})
