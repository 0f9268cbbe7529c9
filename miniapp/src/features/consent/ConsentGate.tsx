import { useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, ui, type ConsentKind } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { ErrorState, LoadingState } from '../../components/StateView'
import { consentVersions, hasConsent, recordConsent } from '../../lib/consents'
import { useLoad } from '../../lib/use-api'
import './consent.scss'

const texts = {
  sensitive_personal_info: { title: ui.consent.sensitiveTitle, body: ui.consent.sensitiveBody },
  medical_data: { title: ui.consent.medicalTitle, body: ui.consent.medicalBody },
  privacy_policy: { title: ui.consent.privacyTitle, body: ui.login.privacySummary },
} as const satisfies Record<ConsentKind, { title: string; body: string }>

/**
 * A separate, explicit consent (PIPL art. 29) before sensitive data is asked
 * for: the screen says what is collected and why; only "I agree" (recorded on
 * the server with the text version) shows what it guards.
 */
/** Whether the consent is in force, and the version of its text in force (to record with an "I agree"). */
async function loadConsent(kind: ConsentKind): Promise<{ given: boolean; version: string }> {
  return { given: await hasConsent(kind), version: (await consentVersions())[kind] }
}

export function ConsentGate({ kind, children }: { kind: ConsentKind; children: ReactNode }) {
  const [given, setGiven] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const state = useLoad(loadConsent, [kind])

  if (given || (state.status === 'ready' && state.value.given)) return <>{children}</>
  if (state.status === 'loading') return <LoadingState id={`consent-${kind}-loading`} />
  if (state.status === 'error') return <ErrorState id={`consent-${kind}-error`} message={state.message} onRetry={state.retry} />

  const agree = async () => {
    setSaving(true)
    setError(null)
    try {
      await recordConsent(kind)
      setGiven(true)
      // Every other screen behind this consent opens too.
      state.set({ ...state.value, given: true })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }
  const decline = () => {
    void Taro.showToast({ title: ui.consent.declined, icon: 'none' })
    Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))
  }
  return (
    <View id={`consent-${kind}`} className='card consent'>
      <Text className='card__title'>{texts[kind].title}</Text>
      <Text className='consent__body'>{texts[kind].body}</Text>
      <Text className='hint'>{fillTemplate(ui.consent.version, { version: state.value.version })}</Text>
      {error && <Text className='field-error'>{error}</Text>}
      <View className='actions'>
        <Button id={`consent-${kind}-agree`} type='primary' block loading={saving} onClick={() => void agree()}>
          {saving ? ui.consent.saving : ui.consent.agree}
        </Button>
        <Button id={`consent-${kind}-decline`} block onClick={decline}>{ui.consent.decline}</Button>
      </View>
    </View>
  )
}
