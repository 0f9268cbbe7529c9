import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, fundingSourceLabels, staffUi, type OutreachEvent } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { ErrorState, LoadingState } from '../../components/StateView'
import { formatDate } from '../../lib/format'
import { QrImage } from '../components/QrImage'
import { StaffGate } from '../components/StaffGate'
import { fetchEvent } from '../lib/staff-api'
import { param, staffUrls } from '../lib/staff-routes'
import { AssistedPanel } from './AssistedPanel'
import '../staff.scss'
import './index.scss'

const EVENT_POLL_SECONDS = 4

/** The event, reloaded every few seconds while the page is open (counts go up as riders enrol). */
function useLiveEvent(eventId: string) {
  const [event, setEvent] = useState<OutreachEvent | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [loads, setLoads] = useState(0)
  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      try {
        const fresh = await fetchEvent(eventId)
        if (!alive) return
        setEvent(fresh)
        setLoads((n) => n + 1)
        setError(null)
      } catch (failure) {
        if (alive) setError(errorMessage(failure))
      }
      if (alive) timer = setTimeout(() => void load(), EVENT_POLL_SECONDS * 1000)
    }
    void load()
    return () => {
      alive = false
      clearTimeout(timer)
    }
  }, [eventId, attempt])
  return { event, error, loads, retry: () => setAttempt((n) => n + 1) }
}

function Count({ id, label, value }: { id: string; label: string; value: number }) {
  return (
    <View className='event-count'>
      <Text id={id} className='event-count__value' data-count={value}>{String(value)}</Text>
      <Text className='event-count__label'>{label}</Text>
    </View>
  )
}

function EventDetail({ eventId }: { eventId: string }) {
  const { event, error, loads, retry } = useLiveEvent(eventId)
  if (!event) return error ? <ErrorState id='staff-event-error' message={error} onRetry={retry} /> : <LoadingState id='staff-event-loading' />
  const products = event.products.length > 0 ? event.products.join('、') : staffUi.event.anyProducts
  return (
    <View id='event-page' className='staff-wrap staff-columns'>
      <View id='event-poster' className='staff-card event-poster'>
        <Text id='event-name-title' className='event-poster__name'>{event.name}</Text>
        <Text className='event-poster__meta'>{`${formatDate(event.date)} · ${event.place}`}</Text>
        {event.unitName && <Text className='event-poster__meta'>{event.unitName}</Text>}
        <QrImage id='event-qr' text={event.link} size={300} />
        <Text className='event-poster__call'>{staffUi.event.scanToJoin}</Text>
        <Text className='event-poster__meta'>{fillTemplate(staffUi.event.fundingLine, { funding: fundingSourceLabels[event.fundingSource] })}</Text>
        <Text className='event-poster__meta'>{fillTemplate(staffUi.event.productsLine, { products })}</Text>
        {event.gift && (
          <Text id='event-gift' className='event-poster__meta'>
            {fillTemplate(staffUi.event.giftLine, { used: event.counts.gifts, limit: event.gift.limit, from: event.gift.from, to: event.gift.to })}
          </Text>
        )}
      </View>
      <View className='staff-card staff-no-print'>
        <View className='event-counts'>
          <Count id='event-count-scanned' label={staffUi.event.scanned} value={event.counts.scanned} />
          <Count id='event-count-enrolled' label={staffUi.event.enrolled} value={event.counts.enrolled} />
          <Count id='event-count-pending' label={staffUi.event.pendingPayment} value={event.counts.pendingPayment} />
        </View>
        <Text className='staff-muted'>{fillTemplate(staffUi.event.live, { seconds: EVENT_POLL_SECONDS })}</Text>
        <Text className='staff-muted'>{`${staffUi.event.link}：`}</Text>
        <Text id='event-link' className='event-link' userSelect>{event.link}</Text>
        <Text className='staff-muted'>{`${staffUi.event.scene}：`}</Text>
        <Text id='event-scene' className='event-link' userSelect>{event.scene}</Text>
        {error && <Text className='staff-error-text'>{error}</Text>}
        <View className='staff-row'>
          {process.env.TARO_ENV === 'h5' && (
            <Button id='event-print' className='staff-button staff-button--primary' onClick={() => window.print()}>
              {staffUi.event.print}
            </Button>
          )}
          <Button id='event-payments' className='staff-button' onClick={() => Taro.navigateTo({ url: staffUrls.payments({ eventId: event.id }) })}>
            {staffUi.event.confirmPayments}
          </Button>
        </View>
      </View>
      <AssistedPanel event={event} refreshKey={loads} />
    </View>
  )
}

/** One outreach event: its QR code (also as a printable poster), link, mini-program scene and live counts. */
export default function EventPage() {
  const eventId = param(useRouter().params, 'id')
  return (
    <View className='staff-page'>
      <StaffGate page='events'>
        {() => (eventId ? <EventDetail eventId={eventId} /> : <ErrorState id='staff-event-error' message={staffUi.event.notFound} onRetry={() => Taro.navigateBack()} />)}
      </StaffGate>
    </View>
  )
}
