import { describe, expect, test } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'
import { ui } from '@huzhu/shared'
import EnrolConfirmPage from '../src/enrol/confirm'
import { TodayProvider } from '../src/lib/today'
import { catalogueServer } from './fixtures'
import { navigations, setRequestHandler, setRouterParams } from './taro-stub'

function openConfirm(params: Record<string, string>) {
  setRouterParams(params)
  render(
    <TodayProvider value={() => '2020-10-14'}>
      <EnrolConfirmPage />
    </TodayProvider>,
  )
}

describe('enrolment: confirm the plan', () => {
  test('quotes the chosen products again, as of today', async () => {
    setRequestHandler(catalogueServer())
    openConfirm({ catalogue: 'shanghai-2020', products: 'A0%2CA2%2CC1' })

    await screen.findByText('上海职工互助保障项目 2020')
    expect(document.getElementById('quote-total')?.textContent).toContain('¥195.00')
    expect(document.getElementById('confirm-violations')).toBeNull()
  })

  test('a selection that breaks a rule shows why', async () => {
    setRequestHandler(catalogueServer())
    openConfirm({ catalogue: 'shanghai-2020', products: 'A1' })

    await screen.findByText('上海职工互助保障项目 2020')
    expect(document.getElementById('confirm-violations')?.textContent).toContain('需要同时参加至少一项基本保障')
    expect(document.getElementById('confirm-quote')).toBeNull()
  })

  test('without a selection: says so, and goes back', () => {
    openConfirm({})

    expect(screen.getByText(ui.enrol.noSelection)).toBeTruthy()
    fireEvent.click(screen.getByText(ui.enrol.back))
    expect(navigations).toEqual([{ kind: 'navigateBack' }])
  })
})
