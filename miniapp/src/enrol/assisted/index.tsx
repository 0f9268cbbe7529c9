import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { assistedUi, fillTemplate, formatYuan, fundingSourceLabels, ui, type AssistedEnrolment, type Enrolment } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { listMyEnrolments, logout } from '../../api/member'
import { clearToken, getToken } from '../../api/token'
import { Screen } from '../../components/Screen'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { CoverCard } from '../../features/cover/CoverCard'
import { LoginScreen } from '../../features/login/LoginScreen'
import { PendingPayment } from '../../features/payment/PendingPayment'
import { useEnrolmentStatus } from '../../features/payment/use-enrolment-status'
import { currentPageUrl } from '../../lib/auth'
import { consentVersions } from '../../lib/consents'
import { routes } from '../../lib/routes'
import { useLoad, useRevalidate } from '../../lib/use-api'
import { confirmAssistedEnrolment, listMyAssistedEnrolments } from './assisted-api'
import './index.scss'

const text = assistedUi.rider

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='assisted-row'>
      <Text className='assisted-row__label'>{label}</Text>
      <Text id={id} className='assisted-row__value'>{value}</Text>
    </View>
  )
}

/** After confirming: a gift needs nothing more; otherwise the rider pays their share here (the existing payment flow). */
function Confirmed({ enrolment: confirmed }: { enrolment: Enrolment }) {
  const { enrolment, refreshing, checked, error, refresh } = useEnrolmentStatus(confirmed)
  return (
    <View id='assisted-confirmed' className='assisted-result'>
      <Text id='assisted-confirmed-title' className='card__title'>{text.confirmed}</Text>
      {enrolment.fundingSource === 'union_gift' && enrolment.status === 'pending_payment' && <Text id='assisted-gift-done' className='notice'>{text.giftDone}</Text>}
      {enrolment.fundingSource !== 'union_gift' && enrolment.status === 'pending_payment' && (
        <PendingPayment enrolment={enrolment} refreshing={refreshing} checked={checked} onRefresh={() => void refresh()} />
      )}
      <CoverCard enrolment={enrolment} />
      {error && <Text className='field-error'>{error}</Text>}
      <Button id='assisted-view-mine' block onClick={() => void Taro.reLaunch({ url: routes.home })}>{text.viewMine}</Button>
    </View>
  )
}

/** One entry waiting for me: the details (ID number and phone masked), who pays, the consent, and the confirmation. */
function ConfirmCard({ item, version, onConfirmed }: { item: AssistedEnrolment; version: string; onConfirmed: (e: Enrolment) => void }) {
  const [agreed, setAgreed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirm = async () => {
    if (!agreed) return setError(text.agreeFirst)
    setBusy(true)
    setError(null)
    try {
      onConfirmed((await confirmAssistedEnrolment(item.id, version)).enrolment)
    } catch (e) {
      setError(errorMessage(e))
      setBusy(false)
    }
  }
  return (
    <View id={`assisted-${item.id}`} className='card assisted-card'>
      <Text className='card__title'>{text.details}</Text>
      <Row label={text.event} value={item.eventName} />
      <Row label={text.name} value={item.name} id='assisted-rider-name' />
      <Row label={text.idNumber} value={item.idNumberMasked} />
      <Row label={text.mobile} value={item.mobileMasked} />
      <Row label={text.products} value={item.products.map((p) => p.name).join('、')} />
      <Row label={text.premium} value={formatYuan(item.premiumFen)} id='assisted-premium' />
      <Row label={text.payer} value={fundingSourceLabels[item.fundingSource]} />
      <Text id='assisted-payer-note' className='hint'>{item.fundingSource === 'union_gift' ? text.giftPays : text.memberPays}</Text>
      <View className='assisted-consent'>
        <Text className='assisted-consent__title'>{ui.consent.sensitiveTitle}</Text>
        <Text className='assisted-consent__body'>{ui.consent.sensitiveBody}</Text>
        <Text className='hint'>{fillTemplate(ui.consent.version, { version })}</Text>
        <View id='assisted-agree' className='assisted-agree' role='checkbox' aria-checked={agreed} onClick={() => setAgreed((on) => !on)}>
          <Checkbox checked={agreed} />
          <Text>{text.agree}</Text>
        </View>
      </View>
      {error && <Text id='assisted-error' className='field-error'>{error}</Text>}
      <Button id='assisted-confirm' type='primary' block loading={busy} onClick={() => void confirm()}>{busy ? text.confirming : text.confirm}</Button>
    </View>
  )
}

function switchAccount() {
  const here = currentPageUrl()
  void logout().catch(() => undefined).finally(() => {
    clearToken()
    void Taro.reLaunch({ url: here })
  })
}

/** Signed in with the phone staff entered: what waits for my confirmation. */
async function loadMyAssisted() {
  return { items: await listMyAssistedEnrolments(), version: (await consentVersions()).sensitive_personal_info }
}

function MyAssisted() {
  const [done, setDone] = useState<Enrolment | null>(null)
  const state = useLoad(loadMyAssisted, [])
  const revalidate = useRevalidate()
  // Confirmed: the cover shows on the home screen and the card without a reload.
  const onConfirmed = (enrolment: Enrolment) => {
    setDone(enrolment)
    void revalidate(listMyEnrolments, loadMyAssisted)
  }
  if (done) return <Confirmed enrolment={done} />
  if (state.status === 'loading') return <LoadingState id='assisted-loading' />
  if (state.status === 'error') return <ErrorState id='assisted-load-error' message={state.message} onRetry={state.retry} />
  const waiting = state.value.items.filter((a) => a.status === 'waiting')
  return (
    <>
      {waiting.length === 0 && <EmptyState id='assisted-none' message={text.none} />}
      {waiting.map((item) => <ConfirmCard key={item.id} item={item} version={state.value.version} onConfirmed={onConfirmed} />)}
      <Button id='assisted-switch' block onClick={switchAccount}>{text.switchAccount}</Button>
    </>
  )
}

/**
 * Staff-assisted enrolment (代办), the rider's side: signed in with the phone the
 * staff member entered (the SMS code proves it), the rider reads the details and
 * the consent text and confirms; only then is there an enrolment.
 */
export default function AssistedConfirmPage() {
  const signedIn = getToken() !== null
  return (
    <Screen className='page-enrol-assisted'>
      <View className='card'>
        <Text className='card__title'>{text.title}</Text>
        <Text className='hint'>{text.intro}</Text>
      </View>
      {signedIn ? <MyAssisted /> : <LoginScreen redirect={currentPageUrl()} />}
    </Screen>
  )
}
