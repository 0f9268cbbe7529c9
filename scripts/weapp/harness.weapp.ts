import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import vm from 'node:vm'
import { launchMiniProgram, type MiniProgram } from './harness/mini-program'
import { setPath } from './harness/page'

/**
 * The harness itself, on a tiny hand-written build shaped like Taro's output
 * (app.js calling App(), pages calling Page() with an `eh` handler, a base.wxml
 * with level-0 templates): what it renders is read back, events bubble, the
 * clock is virtual, navigation follows WeChat; and every way a page can fail
 * (a throw, a logged error or warning, an unhandled rejection, a node with no
 * template) fails the test that opened it. Without this a broken page could pass.
 */
const templates = `<wxs module="xs" src="./utils.wxs" />
<template name="tmpl_0_0">
  <view style="{{i.st}}" class="{{i.cl}}" bindtap="eh" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}">
    <template is="{{xs.a(c, item.nn, l)}}" data="{{i:item,c:c+1,l:xs.f(l,item.nn)}}" wx:for="{{i.cn}}" wx:key="sid" />
  </view>
</template>
<template name="tmpl_0_1">
  <input value="{{i.p3}}" placeholder="{{i.p2}}" bindinput="eh" id="{{i.uid||i.sid}}" data-sid="{{i.sid}}" />
</template>
<template name="tmpl_0_9">
  <block>{{i.v}}</block>
</template>
`

/** A page: renders `tree` on load; `eh` runs `on[type](event, page)`. Both are JS source. */
const page = (tree: string, onLoad = '', handlers = '{}') => `Page({
  data: { root: { cn: [] } },
  onLoad(query) { this.query = query; this.setData({ 'root.cn.[0]': ${tree} }); ${onLoad} },
  onShow() { (this.seen = this.seen || []).push('show') },
  onHide() { (this.seen = this.seen || []).push('hide') },
  onUnload() { getApp().unloaded.push(this.route) },
  eh(event) { const on = ${handlers}; on[event.type] && on[event.type].call(this, event) },
})`

const text = (v: string) => `{ nn: '9', v: ${JSON.stringify(v)} }`
const view = (id: string, ...children: string[]) => `{ nn: '0', sid: '_${id}', uid: '${id}', cn: [${children.join(', ')}] }`

const pages: Record<string, string> = {
  'pages/home/index': page(
    view('home', view('card', view('button', text('点我'))), `{ nn: '1', sid: '_name', uid: 'name', p2: '姓名' }`),
    '',
    `{
      tap(e) {
        (this.taps = this.taps || []).push(e.currentTarget.id)
        if (e.currentTarget.id !== 'card') return
        this.setData({ 'root.cn[0].cn.[0].cn.[0].cn.[0].v': '点过了' })
        setTimeout(() => this.setData({ 'root.cn.[0].cn.[0].cn.[0].cn.[0].v': '一分钟后' }), 60000)
      },
      input(e) { this.setData({ 'root.cn.[0].cn.[1].p3': e.detail.value }) },
    }`,
  ),
  'pages/next/index': page(view('next', text('下一页'))),
  'pages/go/index': page(view('go', text('走')), '', `{ tap() { wx.navigateTo({ url: '/pages/next/index?back=%2Fpages%2Fgo%2Findex&n=1' }) } }`),
  'sub/throws/index': page(view('x', text('…')), `setTimeout(() => { throw new Error('the page could not render') }, 10)`),
  'sub/logs/index': page(view('x', text('…')), `console.error('Warning: a render error React caught')`),
  'sub/warns/index': page(view('x', text('…')), `console.warn('[Taro warn] 暂不支持 API startWifi')`),
  'sub/rejects/index': page(view('x', text('…')), `Promise.reject(new Error('nobody waited for this promise'))`),
  'sub/icon/index': page(view('x', `{ nn: 'i', sid: '_tick', cl: 'nut-icon' }`)),
}

let dist = ''
const running: MiniProgram[] = []
const launch = async () => {
  const mp = await launchMiniProgram({ dist })
  running.push(mp)
  return mp
}

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'huzhu-weapp-fixture-'))
  const routes = Object.keys(pages)
  writeFileSync(join(dist, 'app.json'), JSON.stringify({ pages: routes.filter((r) => r.startsWith('pages/')), subPackages: [{ root: 'sub', pages: routes.filter((r) => r.startsWith('sub/')).map((r) => r.slice(4)) }] }))
  writeFileSync(join(dist, 'base.wxml'), templates)
  writeFileSync(join(dist, 'app.js'), `require('./common'); App({ unloaded: [], onLaunch() { this.launched = true } })`)
  writeFileSync(join(dist, 'common.js'), `wx.webpackJsonp = []`)
  for (const [route, source] of Object.entries(pages)) {
    mkdirSync(dirname(join(dist, route)), { recursive: true })
    writeFileSync(join(dist, `${route}.js`), source)
  }
})

afterEach(() => {
  for (const mp of running.splice(0)) mp.close()
})

afterAll(() => rmSync(dist, { recursive: true, force: true }))

test('setData paths merge into the page’s data, as WeChat merges them', () => {
  const data: Record<string, unknown> = {}
  setPath(data, 'root.cn.[0]', { v: 'a' })
  setPath(data, 'root.cn[1].cn.[2].v', 'b')
  setPath(data, 'root.uid', 'page')
  expect(data).toEqual({ root: { cn: [{ v: 'a' }, { cn: [undefined, undefined, { v: 'b' }] }], uid: 'page' } })
})

test('a page renders through setData; a tap bubbles from the element up through its ancestors; input reaches the field; timers run on the virtual clock', async () => {
  const mp = await launch()
  const home = await mp.openPage('pages/home/index')
  expect(home.text()).toBe('点我')
  expect(home.get('#name')).toMatchObject({ tag: 'input', props: { placeholder: '姓名' } })
  expect(home.all('view')).toHaveLength(3)
  expect(home.find('#home view#button')?.text).toBe('点我')

  const started = Date.now()
  await home.tap('text=点我')
  expect(home.instance.taps).toEqual(['button', 'card', 'home'])
  // The page's 60 s timer has not come due within settle's 5 s…
  expect(home.text()).toBe('点过了')
  // …and runs when the clock gets there, without a real minute passing.
  await mp.settle(60_000)
  expect(home.text()).toBe('一分钟后')
  expect(Date.now() - started).toBeLessThan(5_000)

  await home.input('#name', '王小明')
  expect(home.get('#name').props.value).toBe('王小明')
})

test('navigateTo hides the page and hands the next one its query as written; back unloads it and shows the first again', async () => {
  const mp = await launch()
  const go = await mp.openPage('pages/go/index')
  await go.tap('#go')
  const next = mp.current()
  expect(next.route).toBe('pages/next/index')
  expect(next.instance.query).toEqual({ back: '%2Fpages%2Fgo%2Findex', n: '1' })
  expect(go.instance.seen).toEqual(['show', 'hide'])
  expect(mp.calls('navigateTo')).toEqual([{ url: '/pages/next/index?back=%2Fpages%2Fgo%2Findex&n=1' }])
  await mp.back()
  expect(mp.current().route).toBe('pages/go/index')
  expect(go.instance.seen).toEqual(['show', 'hide', 'show'])
  await expect(mp.back()).rejects.toThrow('cannot navigate back at first page')
})

describe('a page that fails fails the test that opens it', () => {
  test.each([
    ['sub/throws/index', 'an error thrown in a timer', 'the page could not render'],
    ['sub/logs/index', 'console.error', 'a render error React caught'],
    ['sub/warns/index', 'console.warn', '暂不支持 API startWifi'],
    ['sub/rejects/index', 'an unhandled rejection', 'nobody waited for this promise'],
    ['sub/icon/index', 'a node base.wxml has no template for', 'no template in base.wxml (WeChat draws nothing for them): nn:i'],
  ])('%s: %s', async (route, how, reported) => {
    // Jest fails a test on an unhandled rejection by itself; its listener is set aside here so that what is
    // tested is the harness's own report (which is what a run outside Jest has).
    const nodeProcess = vm.runInThisContext('process') as NodeJS.Process
    const jestListeners = how === 'an unhandled rejection' ? nodeProcess.listeners('unhandledRejection') : []
    jestListeners.forEach((listener) => nodeProcess.off('unhandledRejection', listener))
    try {
      const mp = await launch()
      await expect(mp.openPage(route)).rejects.toThrow(reported)
    } finally {
      jestListeners.forEach((listener) => nodeProcess.on('unhandledRejection', listener))
    }
  })

  test('a route app.json does not list cannot be opened', async () => {
    const mp = await launch()
    await expect(mp.openPage('pages/missing/index')).rejects.toThrow('pages/missing/index is not a page of app.json')
  })
})
