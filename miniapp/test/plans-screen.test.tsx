import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { message, ui, type CivilDate } from '@huzhu/shared'
import { PlansScreen } from '../src/features/plans/PlansScreen'
import { TodayProvider } from '../src/lib/today'
import { catalogueServer, errorResponse, shanghai } from './fixtures'
import { navigations, setRequestHandler } from './taro-stub'

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (!element) throw new Error(`no element #${id}`)
  return element
}

/** Renders the plans screen as of `today`, opened on the Shanghai catalogue, and waits for the products. */
async function openPlans(today: CivilDate) {
  render(
    <TodayProvider value={() => today}>
      <PlansScreen initialCatalogueId='shanghai-2020' />
    </TodayProvider>,
  )
  await screen.findByText('A0 在职住院（基本）')
}

function tick(...codes: string[]) {
  for (const code of codes) {
    const name = shanghai.products.get(code)!.name
    fireEvent.click(screen.getByText(`${code} ${name}`))
  }
}

describe('plans screen', () => {
  test('lists the catalogue by category and tier, with price and summary', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2020-06-09')

    const hospital = byId('category-hospital')
    expect(within(hospital).getByText('住院')).toBeTruthy()
    expect(within(hospital).getByText('基本保障')).toBeTruthy()
    expect(within(hospital).getByText('加强保障')).toBeTruthy()
    expect(byId('product-A0').textContent).toContain('¥120.00/年')
    expect(byId('product-C3').textContent).toContain(shanghai.products.get('C3')!.summary)
    expect(byId('quote-empty').textContent).toBe(ui.quote.empty)
    expect(byId('quote-next').className).toContain('nut-button-disabled')
  })

  test('A0 + B0 + C0 in the first half of the plan year costs the bundle price, 180.00', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2020-06-09')
    tick('A0', 'B0', 'C0')

    expect(byId('quote-total').textContent).toContain('¥180.00')
    expect(byId('quote-bar-amount').textContent).toBe('¥180.00')
    expect(byId('quote-line-A0B0C0').textContent).toContain('-¥10.00')
    expect(byId('quote-cover-period').textContent).toContain('2020年6月10日 至 2021年3月31日')
    expect(document.getElementById('quote-proration')).toBeNull()
    expect(byId('product-A0').className).toContain('is-selected')
  })

  test('instant A0 + A2 + C1 accepted 2020-10-14: half-year 195.00, hospital cover after 30 days', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2020-10-14')
    tick('A0', 'A2', 'C1')

    expect(byId('quote-total').textContent).toContain('¥195.00')
    expect(byId('quote-line-A2').textContent).toContain('¥115.00')
    expect(byId('quote-proration').textContent).toContain('半年')
    expect(byId('quote-proration').textContent).toContain('50%')
    expect(byId('quote-cover-from-hospital').textContent).toContain('2020年11月14日起（等待期 30 天）')
    expect(byId('quote-cover-from-accident').textContent).toContain('2020年10月15日起（无等待期）')
  })

  test('an enhanced product alone: the basic_required message is shown at that product', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2020-06-09')
    tick('A1')

    const expected = message('basic_required', { product: 'A1', name: '在职住院（加强1）', basics: 'A0、B0、C0' })
    expect(byId('product-A1-violations').textContent).toBe(expected)
    expect(byId('product-A1').className).toContain('has-violation')
    expect(document.getElementById('plan-violations')).toBeNull()
    expect(byId('quote-blocked').textContent).toBe(ui.quote.fixFirst)
    expect(byId('quote-next').className).toContain('nut-button-disabled')

    tick('B0')
    expect(document.getElementById('product-A1-violations')).toBeNull()
    expect(byId('quote-total').textContent).toContain('¥190.00')
  })

  test('a second enhanced product in one category is refused at that product', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2020-06-09')
    tick('A0', 'A1', 'A3')

    expect(byId('product-A3-violations').textContent).toContain('住院类加强保障只能选一项')
    expect(document.getElementById('product-A1-violations')).toBeNull()
  })

  test('a rule about the dates, not a product, is shown at the top', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2021-04-02')

    expect(byId('plan-violations').textContent).toBe(message('enrolment_closed', { date: '2021-03-30' }))
    tick('A0')
    expect(document.getElementById('product-A0-violations')).toBeNull()
    expect(byId('quote-blocked')).toBeTruthy()
  })

  test('opens on a catalogue open today: a closed plan year goes after it', async () => {
    setRequestHandler(catalogueServer())
    render(
      <TodayProvider value={() => '2026-11-25'}>
        <PlansScreen />
      </TodayProvider>,
    )
    await screen.findByText('ZY 住院+意外')

    expect(byId('catalogue-shaanxi-gig-2023').className).toContain('is-active')
    expect(byId('catalogue-chooser').textContent!.indexOf('陕西')).toBeLessThan(byId('catalogue-chooser').textContent!.indexOf('上海'))
  })

  test('an outreach event passes its id on to the enrolment', async () => {
    setRequestHandler(catalogueServer())
    render(
      <TodayProvider value={() => '2026-11-25'}>
        <PlansScreen initialCatalogueId='shaanxi-gig-2023' eventId='evt_1' />
      </TodayProvider>,
    )
    fireEvent.click(await screen.findByText('ZY 住院+意外'))
    fireEvent.click(screen.getByText(ui.plans.next))

    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/enrol/confirm/index?catalogue=shaanxi-gig-2023&products=ZY&event=evt_1' }])
  })

  test('switching catalogue shows its products, and each keeps its own ticks', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2023-06-01')
    fireEvent.click(byId('catalogue-shaanxi-gig-2023'))
    await screen.findByText('ZY 住院+意外')

    expect(byId('catalogue-illustrative').textContent).toBe(ui.plans.illustrative)
    fireEvent.click(screen.getByText('ZY 住院+意外'))
    expect(byId('quote-total').textContent).toContain('¥100.00')
    expect(byId('quote-cover-period').textContent).toContain('2023年6月2日 至 2024年6月1日')

    fireEvent.click(byId('catalogue-shanghai-2020'))
    await screen.findByText('A0 在职住院（基本）')
    expect(byId('quote-empty')).toBeTruthy()
  })

  test('the next button opens the enrolment subpackage with the selection', async () => {
    setRequestHandler(catalogueServer())
    await openPlans('2020-06-09')
    tick('A0', 'C1')
    fireEvent.click(screen.getByText(ui.plans.next))

    expect(navigations).toEqual([{ kind: 'navigateTo', url: '/enrol/confirm/index?catalogue=shanghai-2020&products=A0%2CC1' }])
  })

  test('a server error shows its Chinese message, and reload tries again', async () => {
    setRequestHandler(() => errorResponse(500, 'internal_error', message('internal_error')))
    render(<PlansScreen initialCatalogueId='shanghai-2020' />)

    expect((await screen.findByText(message('internal_error'))).closest('#plans-error')).toBeTruthy()
    setRequestHandler(catalogueServer())
    fireEvent.click(screen.getByText(ui.state.retry))
    await screen.findByText('A0 在职住院（基本）')
  })

  test('a catalogue that fails the shared schema is reported, not shown', async () => {
    const server = catalogueServer()
    setRequestHandler((options) =>
      options.url.endsWith('/shanghai-2020') ? { statusCode: 200, data: { id: 'shanghai-2020' } } : server(options),
    )
    render(<PlansScreen initialCatalogueId='shanghai-2020' />)

    expect((await screen.findByText(ui.plans.catalogueInvalid)).closest('#catalogue-error')).toBeTruthy()
  })

  test('no catalogues on offer: the empty state', async () => {
    setRequestHandler(catalogueServer([]))
    render(<PlansScreen />)

    expect((await screen.findByText(ui.plans.empty)).closest('#plans-empty')).toBeTruthy()
  })

  test('loading state while the catalogues are on their way', async () => {
    setRequestHandler(() => new Promise(() => undefined))
    render(<PlansScreen />)

    expect(byId('plans-loading').textContent).toContain(ui.state.loading)
    await waitFor(() => expect(document.getElementById('plans-loading')).toBeTruthy())
  })
})
