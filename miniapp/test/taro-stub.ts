/**
 * A stand-in for `@tarojs/taro` under jest (moduleNameMapper): what the app and
 * NutUI call, backed by memory. Tests plug in the network with
 * `setRequestHandler`, read what was sent in `requests`, and see navigation in
 * `navigations`. `resetTaroStub()` runs before each test (test/setup.ts).
 */

export interface RequestOptions {
  url: string
  method?: string
  data?: unknown
  header?: Record<string, string>
  timeout?: number
  responseType?: string
}
export interface RequestResult {
  statusCode: number
  data: unknown
  header?: Record<string, string>
}
export type RequestHandler = (options: RequestOptions) => RequestResult | Promise<RequestResult>

const noNetwork: RequestHandler = (options) => Promise.reject({ errMsg: `request:fail no handler for ${options.url}` })

let requestHandler: RequestHandler = noNetwork
let routerParams: Record<string, string> = {}
const storage = new Map<string, unknown>()
export const requests: RequestOptions[] = []
/** Every `previewImage` call (the full-screen photo viewer). */
export const previews: { urls: string[]; current?: string }[] = []
export const navigations: { kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'; url?: string }[] = []

export function setRequestHandler(handler: RequestHandler): void {
  requestHandler = handler
}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export function resetTaroStub(): void {
  requestHandler = noNetwork
  routerParams = {}
  storage.clear()
  modalAnswer = true
  requests.length = 0
  previews.length = 0
  modals.length = 0
  navigations.length = 0
  paymentRequests.length = 0
  paymentAnswer = 'ok'
  setWindowWidth(375)
  eventCenter.off()
}

type Listener = (...args: unknown[]) => void
const listeners = new Map<string, Set<Listener>>()
export const eventCenter = {
  on(event: string, listener: Listener) {
    listeners.set(event, (listeners.get(event) ?? new Set()).add(listener))
    return eventCenter
  },
  off(event?: string, listener?: Listener) {
    if (event === undefined) listeners.clear()
    else if (listener === undefined) listeners.delete(event)
    else listeners.get(event)?.delete(listener)
    return eventCenter
  },
  trigger(event: string, ...args: unknown[]) {
    listeners.get(event)?.forEach((listener) => listener(...args))
    return eventCenter
  },
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' } as const
export const getEnv = () => ENV_TYPE.WEB

export function request(options: RequestOptions): Promise<RequestResult> {
  requests.push(options)
  return Promise.resolve().then(() => requestHandler(options))
}

/** Everything the app keeps in storage, as text (to check what is, and is not, written to the phone). */
export const storedText = (): string => JSON.stringify([...storage.entries()])
export const getStorageSync = (key: string): unknown => storage.get(key) ?? ''
export const setStorageSync = (key: string, value: unknown): void => void storage.set(key, value)
export const removeStorageSync = (key: string): void => void storage.delete(key)

const navigate = (kind: (typeof navigations)[number]['kind']) => (options: { url?: string } = {}) => {
  navigations.push({ kind, ...(options.url !== undefined ? { url: options.url } : {}) })
  return Promise.resolve({ errMsg: `${kind}:ok` })
}
export const navigateTo = navigate('navigateTo')
export const redirectTo = navigate('redirectTo')
export const switchTab = navigate('switchTab')
export const reLaunch = navigate('reLaunch')
export const navigateBack = navigate('navigateBack')

export const showToast = (_options: { title: string; icon?: string }) => Promise.resolve({ errMsg: 'showToast:ok' })

/** What the next `showModal` answers (confirm by default). */
let modalAnswer = true
export function setModalAnswer(confirm: boolean): void {
  modalAnswer = confirm
}
/** Every `showModal` call (what the dialog said). */
export const modals: { title?: string; content?: string; confirmText?: string }[] = []
export const showModal = (options: { title?: string; content?: string; confirmText?: string; cancelText?: string }) => {
  modals.push(options)
  return Promise.resolve({ confirm: modalAnswer, cancel: !modalAnswer, errMsg: 'showModal:ok' })
}

export const previewImage = (options: { urls: string[]; current?: string }) => {
  previews.push(options)
  return Promise.resolve({ errMsg: 'previewImage:ok' })
}

export const login = () => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })
export const useDidShow = (_callback: () => void) => undefined

/** `wx.requestPayment` calls, and how the next one ends (paid, or the payer cancels). */
export const paymentRequests: Record<string, unknown>[] = []
let paymentAnswer: 'ok' | 'cancel' = 'ok'
export function setPaymentAnswer(answer: 'ok' | 'cancel'): void {
  paymentAnswer = answer
}
export const requestPayment = (options: Record<string, unknown>) => {
  paymentRequests.push({ ...options })
  return paymentAnswer === 'ok' ? Promise.resolve({ errMsg: 'requestPayment:ok' }) : Promise.reject({ errMsg: 'requestPayment:fail cancel' })
}

const windowInfo = {
  pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 812, statusBarHeight: 20,
  safeArea: { left: 0, right: 375, top: 20, bottom: 812, width: 375, height: 792 },
}
export function setWindowWidth(width: number): void {
  windowInfo.windowWidth = width
  windowInfo.screenWidth = width
}
export const getWindowInfo = () => windowInfo
export const getSystemInfoSync = () => ({ ...windowInfo, platform: 'devtools' })

/** The page stack: under jest, no page below the one tested. */
export const getCurrentPages = (): { route?: string }[] => []

export const getCurrentInstance = () => ({ router: { params: routerParams, path: '/' }, page: null })
export const useRouter = () => getCurrentInstance().router
export const pxTransform = (size: number) => `${size / 2}px`

const Taro = {
  ENV_TYPE, getEnv, eventCenter, request, getStorageSync, setStorageSync, removeStorageSync,
  navigateTo, redirectTo, switchTab, reLaunch, navigateBack, showToast, showModal, previewImage, login, getWindowInfo, getSystemInfoSync,
  getCurrentInstance, getCurrentPages, useRouter, useDidShow, pxTransform, requestPayment,
}
export default Taro
