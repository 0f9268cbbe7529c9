import type { VirtualClock } from './clock'
import { fileSystemManager, TempFiles } from './files'
import type { DownloadOptions, Http, RequestOptions, UploadOptions } from './http'

/**
 * The `wx` object of the stand-in runtime. Taro builds `Taro.xxx` only for the
 * keys `wx` has when `taro.js` loads, so everything the app may call is here
 * from the start. Async APIs answer as WeChat does, a turn later: `success` or
 * `fail`, then `complete`, each with `errMsg` (`login:ok`, `scanCode:fail
 * cancel`). Native pickers (camera, album, scanner, payment, files) answer
 * what the test tells them to (`answers`); without an answer the person closed
 * the picker (`fail cancel`). Every call is logged.
 */

type Options = Record<string, unknown> & {
  success?: (result: unknown) => void
  fail?: (result: unknown) => void
  complete?: (result: unknown) => void
}

/** A test's answer for a native API: the result fields (`{ result }` for scanCode); throw to make the API fail with that message. */
export type NativeAnswer = (options: Record<string, unknown>, files: TempFiles) => Record<string, unknown> | void

export interface WxCall {
  api: string
  options: unknown
}

export interface WxHost {
  clock: VirtualClock
  files: TempFiles
  http: Http
  storage: Map<string, unknown>
  answers: Map<string, NativeAnswer>
  log: WxCall[]
  toApp<T>(value: T): T
  arrayBuffer(bytes: Uint8Array): ArrayBuffer
  /** Moves between pages; throws WeChat's reason (`page "x" is not found`). */
  navigate(api: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): void
  navigateBack(delta: number): void
  /** Whether the person has agreed to the mini-program's privacy guidelines (WeChat asks once). */
  privacy: { agreed: boolean }
  launch: Record<string, unknown>
}

const SYSTEM = {
  brand: 'devtools', model: 'iPhone 12', system: 'iOS 16.0', platform: 'devtools', version: '8.0.50', SDKVersion: '3.5.0', language: 'zh_CN',
  pixelRatio: 2, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 844, statusBarHeight: 47, theme: 'light', fontSizeSetting: 16,
  safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
}

/** The person closes a picker without choosing: what WeChat answers then. */
const CANCELLED = new Set(['chooseMedia', 'chooseImage', 'chooseMessageFile', 'chooseVideo', 'scanCode', 'requestPayment', 'chooseAddress', 'chooseLocation'])
/** Privacy APIs: WeChat asks for the privacy consent (`onNeedPrivacyAuthorization`) before the first one runs. */
const PRIVATE = new Set(['chooseMedia', 'chooseImage', 'chooseMessageFile', 'chooseVideo', 'getLocation', 'chooseAddress'])

/** A copy a test can read (functions and buffers left out). */
function plain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value
  try {
    return JSON.parse(JSON.stringify(value)) as unknown
  } catch {
    return String(value)
  }
}

/** Why a request failed, as WeChat words it: `timeout`, `abort`, or the network's reason (`ECONNREFUSED`). */
function failureReason(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : 'abort'
  const { cause, message } = (error ?? {}) as { cause?: { code?: string }; message?: string }
  return cause?.code ?? message ?? String(error)
}

export function createWx(host: WxHost): Record<string, unknown> {
  const { clock, files, http, storage, answers, toApp } = host
  let privacyListener: ((resolve: (answer: { event: string }) => void, info: unknown) => void) | null = null

  /** Answers an async API a turn later: success or fail, then complete. */
  const answer = (api: string, options: Options | undefined, result: object = {}, failure?: string) => {
    clock.soon(() => {
      const reply = toApp(failure === undefined ? { ...result, errMsg: `${api}:ok` } : { errMsg: `${api}:fail ${failure}` })
      ;(failure === undefined ? options?.success : options?.fail)?.(reply)
      options?.complete?.(reply)
    })
  }
  const ok = (api: string) => (options?: Options) => answer(api, options)

  /** WeChat's privacy consent before a privacy API: the app's handler asks, or WeChat's own dialog (agreed). */
  const withPrivacy = (referrer: string, then: () => void, refuse: (reason: string) => void) => {
    if (host.privacy.agreed || privacyListener === null) {
      host.privacy.agreed = true
      return clock.soon(then)
    }
    const listener = privacyListener
    clock.soon(() => listener((reply) => {
      if (reply.event === 'exposureAuthorization') return
      if (reply.event === 'agree') {
        host.privacy.agreed = true
        then()
      } else refuse('privacy permission is not authorized')
    }, toApp({ referrer })))
  }

  /** A native API answered by the test (or cancelled by the person). */
  const native = (api: string, fallback?: NativeAnswer) => (options: Options = {}) => {
    const run = () => {
      const given = answers.get(api) ?? fallback
      if (!given) return answer(api, options, {}, CANCELLED.has(api) ? 'cancel' : 'not answered by this test')
      try {
        answer(api, options, given(plain(options) as Record<string, unknown>, files) ?? {})
      } catch (error) {
        answer(api, options, {}, error instanceof Error ? error.message : String(error))
      }
    }
    if (PRIVATE.has(api)) withPrivacy(api, run, (reason) => answer(api, options, {}, reason))
    else run()
  }

  const network = (api: string, work: (options: Options, signal: AbortSignal) => Promise<object>) => (options: Options) => {
    const controller = new AbortController()
    const timeout = typeof options.timeout === 'number' ? setTimeout(() => controller.abort(new Error('timeout')), options.timeout) : null
    work(options, controller.signal).then(
      (result) => answer(api, options, result),
      (error: unknown) => answer(api, options, {}, failureReason(error, controller.signal)),
    ).finally(() => timeout && clearTimeout(timeout))
    return { abort: () => controller.abort(new Error('abort')), onHeadersReceived() {}, offHeadersReceived() {}, onProgressUpdate() {}, offProgressUpdate() {} }
  }

  const navigation = (api: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab') => (options: Options) => {
    clock.soon(() => {
      try {
        host.navigate(api, String(options.url ?? ''))
        answer(api, options)
      } catch (error) {
        answer(api, options, {}, (error as Error).message)
      }
    })
  }

  const stored = (key: string) => (storage.has(key) ? toApp(storage.get(key)) : '')
  const store = (key: string, value: unknown) => void storage.set(key, value === undefined ? undefined : JSON.parse(JSON.stringify(value)))
  const selectorQuery = () => {
    // No layout here: every measurement answers null.
    const results: unknown[] = []
    const field = (callback?: (r: unknown) => void) => {
      results.push(null)
      if (callback) clock.soon(() => callback(null))
      return query
    }
    // `fields(fields, callback)` takes what to measure first (wx.createSelectorQuery().select(…).fields({ node: true, size: true })).
    const node = { boundingClientRect: field, fields: (_spec: unknown, callback?: (r: unknown) => void) => field(callback), scrollOffset: field, node: field, context: field }
    const query: Record<string, unknown> = {
      in: () => query, select: () => node, selectAll: () => node, selectViewport: () => node,
      exec: (callback?: (r: unknown) => void) => (clock.soon(() => callback?.(toApp(results))), query),
    }
    return query
  }
  const noop = () => undefined

  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => toApp(SYSTEM), getWindowInfo: () => toApp(SYSTEM), getDeviceInfo: () => toApp(SYSTEM), getAppBaseInfo: () => toApp(SYSTEM),
    getSystemSetting: () => toApp({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getSystemInfo: (options: Options) => answer('getSystemInfo', options, { ...SYSTEM }),
    getMenuButtonBoundingClientRect: () => toApp({ top: 51, bottom: 83, left: 294, right: 381, width: 87, height: 32 }),
    getAccountInfoSync: () => toApp({ miniProgram: { appId: 'wxharness', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => toApp(host.launch), getEnterOptionsSync: () => toApp(host.launch),
    canIUse: () => true, nextTick: (run: () => void) => clock.soon(run),

    getStorageSync: stored, setStorageSync: store,
    removeStorageSync: (key: string) => void storage.delete(key), clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: Options) => answer('getStorage', o, { data: stored(String(o.key)) }, storage.has(String(o.key)) ? undefined : 'data not found'),
    setStorage: (o: Options) => (store(String(o.key), o.data), answer('setStorage', o)),
    removeStorage: (o: Options) => (storage.delete(String(o.key)), answer('removeStorage', o)),
    clearStorage: (o: Options) => (storage.clear(), answer('clearStorage', o)),

    // Bytes in an answer reach the app as an ArrayBuffer of its realm (toApp).
    request: network('request', async (o, signal) => ({ ...(await http.request(o as unknown as RequestOptions, signal)), cookies: [] })),
    uploadFile: network('uploadFile', (o, signal) => http.upload(o as unknown as UploadOptions, signal)),
    downloadFile: network('downloadFile', (o, signal) => http.download(o as unknown as DownloadOptions, signal)),
    getFileSystemManager: () => fileSystemManager({ files, arrayBuffer: host.arrayBuffer, answer: (api, o, result, failure) => answer(api, o as Options, result, failure) }),

    navigateTo: navigation('navigateTo'), redirectTo: navigation('redirectTo'), reLaunch: navigation('reLaunch'), switchTab: navigation('switchTab'),
    navigateBack: (options: Options = {}) => clock.soon(() => {
      try {
        host.navigateBack(Number(options.delta ?? 1))
        answer('navigateBack', options)
      } catch (error) {
        answer('navigateBack', options, {}, (error as Error).message)
      }
    }),

    showModal: native('showModal', () => ({ confirm: true, cancel: false, content: '' })),
    showActionSheet: native('showActionSheet', () => ({ tapIndex: 0 })),
    login: native('login', () => ({ code: 'harness-login-code' })),
    checkSession: ok('checkSession'),
    getSetting: native('getSetting', () => ({ authSetting: {} })),
    authorize: ok('authorize'),
    requestSubscribeMessage: native('requestSubscribeMessage', (o) => Object.fromEntries(((o.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept']))),
    requestPayment: native('requestPayment'),
    scanCode: native('scanCode'),
    chooseMedia: native('chooseMedia'),
    chooseImage: native('chooseImage'),
    chooseMessageFile: native('chooseMessageFile'),
    compressImage: native('compressImage', (o, temp) => {
      const bytes = temp.get(String(o.src))
      if (!bytes) throw new Error(`file not found ${String(o.src)}`)
      return { tempFilePath: temp.put(bytes, TempFiles.extensionOf(String(o.src))) }
    }),
    previewImage: ok('previewImage'),
    openDocument: native('openDocument', (o, temp) => {
      if (!temp.has(String(o.filePath))) throw new Error(`file not found ${String(o.filePath)}`)
    }),
    saveImageToPhotosAlbum: ok('saveImageToPhotosAlbum'),
    setClipboardData: ok('setClipboardData'), getClipboardData: (o: Options) => answer('getClipboardData', o, { data: '' }),
    makePhoneCall: ok('makePhoneCall'), vibrateShort: ok('vibrateShort'),

    onNeedPrivacyAuthorization: (listener: typeof privacyListener) => void (privacyListener = listener),
    requirePrivacyAuthorize: (options: Options = {}) => withPrivacy('requirePrivacyAuthorize', () => answer('requirePrivacyAuthorize', options), (reason) => answer('requirePrivacyAuthorize', options, {}, reason)),
    getPrivacySetting: (options: Options) => answer('getPrivacySetting', options, { needAuthorization: !host.privacy.agreed, privacyContractName: '《隐私保护指引》' }),

    showToast: ok('showToast'), hideToast: ok('hideToast'), showLoading: ok('showLoading'), hideLoading: ok('hideLoading'),
    setNavigationBarTitle: ok('setNavigationBarTitle'), setNavigationBarColor: ok('setNavigationBarColor'), stopPullDownRefresh: ok('stopPullDownRefresh'),
    startPullDownRefresh: ok('startPullDownRefresh'), pageScrollTo: ok('pageScrollTo'), hideKeyboard: ok('hideKeyboard'), setBackgroundColor: ok('setBackgroundColor'),
    createSelectorQuery: selectorQuery,
    createIntersectionObserver: () => {
      const observer = { relativeTo: () => observer, relativeToViewport: () => observer, observe: noop, disconnect: noop }
      return observer
    },
    getUpdateManager: () => ({ onCheckForUpdate: noop, onUpdateReady: noop, onUpdateFailed: noop, applyUpdate: noop }),
    onAppShow: noop, onAppHide: noop, offAppShow: noop, offAppHide: noop, onMemoryWarning: noop, onError: noop, offError: noop,
    onUnhandledRejection: noop, onWindowResize: noop, offWindowResize: noop, onNetworkStatusChange: noop, offNetworkStatusChange: noop,
    getNetworkType: (options: Options) => answer('getNetworkType', options, { networkType: 'wifi' }),
    reportAnalytics: noop, reportEvent: noop,
  }

  for (const [api, run] of Object.entries(wx)) {
    if (typeof run !== 'function') continue
    wx[api] = (...args: unknown[]) => {
      host.log.push({ api, options: plain(args[0]) })
      return (run as (...a: unknown[]) => unknown)(...args)
    }
  }
  return wx
}
