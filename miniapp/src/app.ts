import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { ui } from '@huzhu/shared'
import './app.scss'

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

/** The app shell: Taro renders the current page as `children`. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
