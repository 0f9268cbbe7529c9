import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { fillTemplate, fundingSourceLabels, staffUi } from '@huzhu/shared'
import { ErrorState, LoadingState } from '../../components/StateView'
import { formatDate } from '../../lib/format'
import { useLoad } from '../../lib/use-api'
import { QrImage } from '../components/QrImage'
import { StaffGate } from '../components/StaffGate'
import { fetchEvent } from '../lib/staff-api'
import { param, staffUrls } from '../lib/staff-routes'
import { EVENT_POLL_MS } from './assisted-api'
import { AssistedPanel } from './AssistedPanel'
import '../staff.scss'
import './index.scss'

function Count({ id, label, value }: { id: string; label: string; value: number }) {
  return (
    <View className='event-count'>
      <Text id={id} className='event-count__value' data-count={value}>{String(value)}</Text>
      <Text className='event-count__label'>{label}</Text>
    </View>
  )
}

function EventDetail({ eventId }: { eventId: string }) {
  // Reloaded every few seconds while the page is open (counts go up as riders enrol).
  const live = useLoad(fetchEvent, [eventId], { refreshMs: EVENT_POLL_MS })
  if (live.status === 'error') return <ErrorState id='staff-event-error' message={live.message} onRetry={live.retry} />
  if (live.status === 'loading') return <LoadingState id='staff-event-loading' />
  const event = live.value
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
        <Text className='staff-muted'>{fillTemplate(staffUi.event.live, { seconds: EVENT_POLL_MS / 1000 })}</Text>
        <Text className='staff-muted'>{`${staffUi.event.link}：`}</Text>
        <Text id='event-link' className='event-link' userSelect>{event.link}</Text>
        <Text className='staff-muted'>{`${staffUi.event.scene}：`}</Text>
        <Text id='event-scene' className='event-link' userSelect>{event.scene}</Text>
        {live.refreshFailed && <Text className='staff-error-text'>{live.refreshFailed}</Text>}
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
      <AssistedPanel event={event} />
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
