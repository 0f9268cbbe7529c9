import { describe, expect, test } from '@jest/globals'
import { render } from '@testing-library/react'
import { message, ui } from '@huzhu/shared'
import { QuotePanel } from '../src/features/plans/QuotePanel'
import { liveQuote } from '../src/features/quote/live-quote'
import { shaanxi, shanghai } from './fixtures'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

describe('quote panel', () => {
  test('nothing ticked: a hint, no total', () => {
    render(<QuotePanel catalogue={shanghai} live={liveQuote(shanghai, [], '2020-06-09')} acceptedOn='2020-06-09' />)
    expect(byId('quote-empty').textContent).toBe(ui.quote.empty)
    expect(document.getElementById('quote-total')).toBeNull()
    expect(byId('quote-panel').textContent).toContain('按今天（2020年6月9日）办理即时参保计算')
  })

  test('Instant, B0 alone, accepted 2020-06-09 (DOMAIN.md): 55.00, critical illness from 2020-08-09', () => {
    render(<QuotePanel catalogue={shanghai} live={liveQuote(shanghai, ['B0'], '2020-06-09')} acceptedOn='2020-06-09' />)
    expect(byId('quote-line-B0').textContent).toContain('¥55.00')
    expect(byId('quote-total').textContent).toContain('¥55.00')
    expect(byId('quote-cover-period').textContent).toContain('2020年6月10日 至 2021年3月31日')
    expect(byId('quote-cover-from-critical').textContent).toBe('特种重病2020年8月9日起（等待期 60 天）')
  })

  test('half-year premium after 1 October: the proration line says so', () => {
    render(<QuotePanel catalogue={shanghai} live={liveQuote(shanghai, ['A0', 'B0', 'C0'], '2020-10-14')} acceptedOn='2020-10-14' />)
    expect(byId('quote-total').textContent).toContain('¥90.00')
    expect(byId('quote-proration').textContent).toContain('50%')
  })

  test('a selection the rules refuse: the panel says to fix it, the reason is at the product', () => {
    const live = liveQuote(shanghai, ['A1'], '2020-06-09')
    render(<QuotePanel catalogue={shanghai} live={live} acceptedOn='2020-06-09' />)
    expect(byId('quote-blocked').textContent).toBe(ui.quote.fixFirst)
    expect(live.byProduct.get('A1')?.[0]?.message).toBe(message('basic_required', { product: 'A1', name: '在职住院（加强1）', basics: 'A0、B0、C0' }))
  })

  test('the Shaanxi gig plan: 100.00 for a year from tomorrow, hospital after 30 days, accident at once', () => {
    render(<QuotePanel catalogue={shaanxi} live={liveQuote(shaanxi, ['ZY'], '2026-11-25')} acceptedOn='2026-11-25' />)
    expect(byId('quote-total').textContent).toContain('¥100.00')
    expect(byId('quote-cover-period').textContent).toContain('2026年11月26日 至 2027年11月25日')
    expect(byId('quote-cover-from-hospital').textContent).toContain('2026年12月26日起（等待期 30 天）')
    expect(byId('quote-cover-from-accident').textContent).toContain('2026年11月26日起（无等待期）')
  })
})
