import { describe, expect, test } from '@jest/globals'
import { render, waitFor } from '@testing-library/react'
import type { Claim, ClaimMedicalRecord, MeResponse } from '@huzhu/shared'
import ClaimPage from '../../src/staff/claim'
import { claimFixture, fakeServer, json } from '../fixtures'
import { setRequestHandler, setRouterParams, setStorageSync } from '../taro-stub'

/**
 * The reviewer's claim page: the figures the member typed are headed as theirs
 * (会员填写), not as medical-insurance data; a matched medical-insurance record
 * (医保结算记录) stands beside them, each differing figure marked.
 */
const me: MeResponse = { id: 'usr_rev', roles: ['member', 'reviewer'], grants: [], phoneMasked: '138****0003', wechatLinked: false, hasProfile: true }
const record: ClaimMedicalRecord = {
  result: 'mismatch',
  hospital: '西安市红会医院',
  admittedOn: '2027-01-10',
  dischargedOn: '2027-01-22',
  figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 750_000, supplementaryOutOfPocketFen: 200_000, deductiblePaidFen: 0, hospitalDays: 12 },
  differences: ['pooledOutOfPocketFen'],
  importedAt: '2027-01-25T02:00:00.000Z',
}

async function open(claim: Claim) {
  setStorageSync('huzhu.session.token', 'a-session-token-0123456789')
  setRouterParams({ id: claim.id })
  setRequestHandler(fakeServer({ 'GET /api/v1/me': json(me), [`GET /api/v1/claims/${claim.id}`]: json(claim) }))
  render(<ClaimPage />)
  await waitFor(() => expect(document.getElementById('claim-figures')).toBeTruthy())
  return document.getElementById('claim-figures')!
}

const cells = (field: string) => {
  const row = document.getElementById(`figure-${field}`)!
  return {
    member: row.querySelector('.figures-table__value--member')?.textContent,
    record: row.querySelector('.figures-table__value--record')?.textContent ?? null,
    differs: row.dataset.differs,
    text: row.textContent,
  }
}

describe('the member’s figures and the medical-insurance record', () => {
  test('side by side, under their own headings, the differing figure marked', async () => {
    const card = await open(claimFixture({ documents: [], figures: { totalCostFen: 1_500_000, pooledOutOfPocketFen: 800_000, supplementaryOutOfPocketFen: 200_000, hospitalDays: 12 }, medicalRecord: record }))
    expect(card.textContent).not.toContain('医保结算数据')
    const heads = Array.from(card.querySelectorAll('.figures-table__row--head > *')).map((h) => h.textContent)
    expect(heads).toEqual(['项目', '会员填写', '医保结算记录'])
    expect(cells('pooledOutOfPocketFen')).toEqual({ member: '¥8,000.00', record: '¥7,500.00', differs: 'true', text: expect.stringContaining('不一致') })
    expect(cells('totalCostFen')).toMatchObject({ member: '¥15,000.00', record: '¥15,000.00', differs: 'false' })
    expect(cells('totalCostFen').text).not.toContain('不一致')
    // A figure the member left out shows as such beside the record's.
    expect(cells('deductiblePaidFen')).toMatchObject({ member: '未填', record: '¥0.00' })
    expect(cells('hospitalDays')).toMatchObject({ member: '12 天', record: '12 天', differs: 'false' })
    expect(document.getElementById('claim-figures-verdict')?.textContent).toBe('1 项与医保结算记录不一致')
    expect(document.getElementById('claim-figures-source')?.textContent).toBe('医保结算记录：西安市红会医院，2027年1月10日入院，2027年1月22日出院')
  })

  test('no record matched: the figures are said to be the member’s own', async () => {
    const card = await open(claimFixture({ documents: [], medicalRecord: null }))
    expect(card.querySelector('.staff-card__title')?.textContent).toBe('会员填写的结算数据')
    expect(document.getElementById('claim-figures-no-record')).toBeTruthy()
    expect(cells('pooledOutOfPocketFen')).toMatchObject({ member: '¥8,000.00', record: null })
    expect(card.textContent).not.toContain('医保结算数据')
  })
})
