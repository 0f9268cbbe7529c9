import './lib/zod-jitless' // first: before any zod schema is made
import { createElement, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { configure as configureIcons } from '@nutui/icons-react-taro'
import { ui } from '@huzhu/shared'
import { DataProvider } from './lib/data-config'
import './app.scss'

/**
 * NutUI's icons (the checkbox tick among them) render as an `<i>` by default; the mini-program has no
 * template for `<i>` and draws nothing, so there they are a `<view>` (the same classes style it).
 */
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' })

type PrivacyResolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

/**
 * The mini-program's privacy authorisation: when an API that touches personal
 * data (camera, album) needs it, WeChat asks the app; the app explains and asks.
 */
if (process.env.TARO_ENV === 'weapp') {
  const onNeed = (Taro as unknown as { onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyResolve) => void) => void }).onNeedPrivacyAuthorization
  onNeed?.((resolve) => {
    resolve({ event: 'exposureAuthorization' })
    void Taro.showModal({
      title: ui.consent.privacyTitle,
      content: ui.login.privacySummary,
      confirmText: ui.consent.agree,
      cancelText: ui.consent.decline,
    }).then(
      (answer) => resolve({ event: answer.confirm ? 'agree' : 'disagree' }),
      () => resolve({ event: 'disagree' }),
    )
  })
}

/** The app shell: Taro renders the open pages as `children`, all reading one data cache (swr). */
function App({ children }: PropsWithChildren) {
  return createElement(DataProvider, null, children)
}

export default App
