import Taro from '@tarojs/taro'

/**
 * The mini-program's privacy authorisation (wx.requirePrivacyAuthorize): runs
 * before any API that touches personal data (camera, album). WeChat shows its
 * own dialog, or the app's `onNeedPrivacyAuthorization` handler (app.ts) does.
 * Resolves at once in H5 and on base libraries without the API.
 */
export function requirePrivacy(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve()
  const require = (Taro as unknown as { requirePrivacyAuthorize?: (o: { success: () => void; fail: (e: unknown) => void }) => void }).requirePrivacyAuthorize
  if (typeof require !== 'function') return Promise.resolve()
  return new Promise((resolve, reject) => require({ success: () => resolve(), fail: reject }))
}
