import { ui } from '@huzhu/shared'
import { privateWeappBuild } from './harness/build'
import { launchMiniProgram, type MiniProgram } from './harness/mini-program'

/**
 * What only the WeChat build does, with no server: Taro.pxTransform (its
 * design width is the config's function, copied as source into app.js), and
 * NutUI's icons, which must be an element the mini-program has a template for.
 */
let dist = ''
let mp: MiniProgram | undefined

beforeAll(async () => {
  dist = await privateWeappBuild()
}, 200_000)

afterEach(() => mp?.close())

test('Taro.pxTransform works in the mini-program: our 750-wide design sizes become rpx one for one', async () => {
  mp = await launchMiniProgram({ dist })
  const pxTransform = mp.taro().pxTransform as (size: number) => string
  expect(pxTransform(20)).toBe('20rpx')
  expect(pxTransform(750)).toBe('750rpx')
})

test('the login screen’s privacy checkbox shows its tick in WeChat: NutUI icons are views, not an <i> WeChat cannot draw', async () => {
  mp = await launchMiniProgram({ dist })
  const login = await mp.openPage('pages/login/index')
  expect(login.get('#login-agree').text).toBe(ui.login.agree)
  const unticked = login.get('#login-agree .nut-checkbox-icon')
  expect(unticked.tag).toBe('view')
  await login.tap('#login-agree view.nut-checkbox')
  const tick = login.get('#login-agree .nut-checkbox-icon-checked')
  expect(tick.tag).toBe('view')
  // The tick is the icon's SVG as a mask over its colour.
  expect(tick.style).toMatch(/mask:\s*url\(['"]?data:image\/svg\+xml/)
  expect(login.untemplated()).toEqual([])
})
