import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { fillTemplate, message, parseMobile, ui } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { loginWithSms, loginWithWechat, sendSmsCode } from '../../api/member'
import { returnTo } from '../../lib/auth'
import { recordConsent } from '../../lib/consents'
import { routes } from '../../lib/routes'
import { rememberProvenPhone } from './proven-phone'
import './login.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/** Where to go after logging in: back where the member came from, or home. */
function leave(redirect: string | undefined) {
  if (redirect && redirect.startsWith('/') && !redirect.startsWith(routes.home)) returnTo(redirect)
  else void Taro.reLaunch({ url: routes.home })
}

/** After the first login: the privacy policy the member ticked is recorded on the server. */
async function afterLogin(redirect: string | undefined) {
  await recordConsent('privacy_policy').catch(() => undefined)
  leave(redirect)
}

/**
 * Login. In the mini-program: WeChat login (wx.login → code → our server). In
 * H5: mobile number and a 6-digit SMS code. Either way the privacy policy is
 * agreed first.
 */
export function LoginScreen({ redirect }: { redirect?: string }) {
  const [agreed, setAgreed] = useState(false)
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [countdown, setCountdown] = useState(0)
  const [busy, setBusy] = useState<'send' | 'login' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [phoneError, setPhoneError] = useState<string | null>(null)

  useEffect(() => {
    if (countdown <= 0) return
    const timer = setTimeout(() => setCountdown((n) => n - 1), 1000)
    return () => clearTimeout(timer)
  }, [countdown])

  const checkPhone = (): string | null => {
    const parsed = parseMobile(phone)
    if (parsed.ok) {
      setPhoneError(null)
      return parsed.value
    }
    setPhoneError(message(parsed.code))
    return null
  }

  const send = async () => {
    const mobile = checkPhone()
    if (!mobile) return
    setBusy('send')
    setError(null)
    try {
      await sendSmsCode(mobile)
      setCountdown(60)
      void Taro.showToast({ title: ui.login.codeSent, icon: 'none' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const loginSms = async () => {
    if (!agreed) return setError(ui.login.agreeFirst)
    const mobile = checkPhone()
    if (!mobile) return
    if (!/^\d{6}$/.test(code)) return setError(ui.login.codeInvalid)
    setBusy('login')
    setError(null)
    try {
      const session = await loginWithSms(mobile, code)
      rememberProvenPhone(mobile, session.token)
      await afterLogin(redirect)
    } catch (e) {
      setError(errorMessage(e))
      setBusy(null)
    }
  }

  const loginWechat = async () => {
    if (!agreed) return setError(ui.login.agreeFirst)
    setBusy('login')
    setError(null)
    try {
      const { code: wxCode } = await Taro.login()
      await loginWithWechat(wxCode)
      await afterLogin(redirect)
    } catch (e) {
      setError(errorMessage(e))
      setBusy(null)
    }
  }

  return (
    <View id='login-screen' className='screen login'>
      <Text className='login__intro'>{ui.login.intro}</Text>
      <View className='card'>
        {isWeapp ? (
          <Button id='login-wechat' type='primary' block loading={busy === 'login'} onClick={() => void loginWechat()}>
            {ui.login.wechat}
          </Button>
        ) : (
          <>
            <View className={`field${phoneError ? ' has-error' : ''}`}>
              <Text className='field__label'>{ui.login.mobile}</Text>
              <Input
                id='login-phone'
                className='field__input'
                type='number'
                maxlength={13}
                value={phone}
                placeholder={ui.login.mobilePlaceholder}
                onInput={(e) => setPhone(e.detail.value)}
                onBlur={() => phone !== '' && checkPhone()}
              />
              {phoneError && <Text id='login-phone-error' className='field-error'>{phoneError}</Text>}
            </View>
            <View className='field'>
              <Text className='field__label'>{ui.login.code}</Text>
              <View className='login__code-row'>
                <Input
                  id='login-code'
                  className='field__input login__code'
                  type='number'
                  maxlength={6}
                  value={code}
                  placeholder={ui.login.codePlaceholder}
                  onInput={(e) => setCode(e.detail.value)}
                />
                <Button id='login-send-code' className='login__send' disabled={countdown > 0 || busy !== null} onClick={() => void send()}>
                  {countdown > 0 ? fillTemplate(ui.login.resendIn, { seconds: countdown }) : ui.login.sendCode}
                </Button>
              </View>
            </View>
          </>
        )}
        <View id='login-agree' className='login__agree'>
          <Checkbox checked={agreed} onChange={setAgreed}>{ui.login.agree}</Checkbox>
        </View>
        <Text className='hint'>{ui.login.privacySummary}</Text>
        {error && <Text id='login-error' className='field-error'>{error}</Text>}
        {!isWeapp && (
          <Button id='login-submit' type='primary' block loading={busy === 'login'} onClick={() => void loginSms()}>
            {busy === 'login' ? ui.login.submitting : ui.login.submit}
          </Button>
        )}
      </View>
    </View>
  )
}
