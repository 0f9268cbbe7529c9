import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { fillTemplate, staffUi } from '@huzhu/shared'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateView'
import { formatDate } from '../../lib/format'
import { useLoad } from '../../lib/use-api'
import { StaffGate } from '../components/StaffGate'
import { fetchEvents } from '../lib/staff-api'
import { staffUrls } from '../lib/staff-routes'
import { EventForm } from './EventForm'
import '../staff.scss'

function EventList() {
  const events = useLoad(fetchEvents, [])
  if (events.status === 'loading') return <LoadingState id='events-loading' />
  if (events.status === 'error') return <ErrorState id='events-error' message={events.message} onRetry={events.retry} />
  if (events.value.length === 0) return <EmptyState id='events-empty' message={staffUi.events.empty} />
  return (
    <View id='events-list' className='staff-card'>
      <Text className='staff-card__title'>{staffUi.events.list}</Text>
      {events.value.map((event) => (
        <View key={event.id} id={`event-row-${event.id}`} className='staff-entry' onClick={() => Taro.navigateTo({ url: staffUrls.event(event.id) })}>
          <Text className='staff-card__title'>{event.name}</Text>
          <Text className='staff-muted'>{`${formatDate(event.date)} · ${event.place}`}</Text>
          <Text className='staff-muted'>{fillTemplate(staffUi.events.counts, event.counts)}</Text>
        </View>
      ))}
    </View>
  )
}

/** Outreach events: create one, see them all. */
export default function EventsPage() {
  return (
    <View className='staff-page'>
      <StaffGate page='events'>
        {() => (
          <View className='staff-wrap staff-columns'>
            <EventForm onCreated={(event) => Taro.redirectTo({ url: staffUrls.event(event.id) })} />
            <EventList />
          </View>
        )}
      </StaffGate>
    </View>
  )
}
