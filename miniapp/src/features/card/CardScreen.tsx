import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { maskIdNumber, ui, type Enrolment } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { getCertificate, listMyEnrolments } from '../../api/member'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { routes } from '../../lib/routes'
import { useLoad } from '../../lib/use-api'
import { CoverCard } from '../cover/CoverCard'
import { PendingPayment } from '../payment/PendingPayment'
import { cacheCard, readCachedCard, type CachedCard } from './card-cache'
import { MemberCard } from './MemberCard'
import { RenewalOffer } from '../renewal/RenewalOffer'

type CardState =
  | { kind: 'card'; card: CachedCard; offline: boolean; enrolment?: Enrolment }
  | { kind: 'pending'; enrolment: Enrolment }
  | { kind: 'none' }

const inForce = (e: Enrolment) => e.status === 'active' && (e.coverState === 'covered' || e.coverState === 'waiting' || e.coverState === 'not_started')

/** Which enrolment the card is for: the one asked for, else the one in force, else one awaiting payment. */
export function chooseEnrolment(enrolments: readonly Enrolment[], wanted?: string): Enrolment | null {
  if (wanted) return enrolments.find((e) => e.id === wanted) ?? null
  return enrolments.find(inForce) ?? enrolments.find((e) => e.status === 'pending_payment') ?? null
}

const offline = (e: unknown) => e instanceof ApiError && (e.kind === 'network' || e.kind === 'timeout')

async function loadCard(wanted: string | undefined): Promise<CardState> {
  try {
    const enrolment = chooseEnrolment(await listMyEnrolments(), wanted)
    if (!enrolment) return { kind: 'none' }
    if (enrolment.status !== 'active') return { kind: 'pending', enrolment }
    const certificate = await getCertificate(enrolment.id)
    return { kind: 'card', card: cacheCard(certificate, enrolment, maskIdNumber(enrolment.person.idNumber)), offline: false, enrolment }
  } catch (error) {
    const cached = readCachedCard()
    if (cached && offline(error)) return { kind: 'card', card: cached, offline: true }
    throw error
  }
}

/** 保障卡: the QR member card, fetched when online and kept on the phone for when it is not. */
export function CardScreen({ enrolmentId }: { enrolmentId?: string }) {
  const state = useLoad(loadCard, [enrolmentId])
  // Whether the member asked again whether the payment arrived.
  const [checked, setChecked] = useState(false)
  if (state.status === 'loading') {
    const cached = readCachedCard()
    return cached && !enrolmentId ? <MemberCard card={cached} offline={false} /> : <LoadingState id='card-loading' />
  }
  if (state.status === 'error') return <ErrorState id='card-error' message={state.message} onRetry={state.retry} />
  const value = state.value
  if (value.kind === 'card') {
    const card = <MemberCard card={value.card} offline={value.offline} />
    // In its renewal window the card also offers the one-tap renewal (续保).
    if (!value.enrolment?.renewal) return card
    return (
      <View className='actions'>
        {card}
        <RenewalOffer enrolment={value.enrolment} />
      </View>
    )
  }
  if (value.kind === 'pending') {
    return (
      <View id='card-pending' className='actions'>
        <PendingPayment
          enrolment={value.enrolment}
          refreshing={false}
          checked={checked}
          onRefresh={() => {
            setChecked(true)
            state.retry()
          }}
        />
        <CoverCard enrolment={value.enrolment} />
      </View>
    )
  }
  return (
    <View className='card'>
      <EmptyState id='card-none' message={ui.card.none} />
      <Button id='card-enrol' type='primary' block onClick={() => void Taro.navigateTo({ url: routes.plans })}>{ui.home.enrolNow}</Button>
    </View>
  )
}
