import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { fillTemplate, fundingSourceLabels, ui, type OutreachEventPublic } from '@huzhu/shared'
import { countEventScan, getEventByCode } from '../../api/member'
import { LoadingState } from '../../components/StateView'
import { formatDate } from '../../lib/format'
import { enrolConfirmUrlWithEvent, plansUrl } from '../../lib/routes'
import { useLoad } from '../../lib/use-api'
import './home.scss'

/** Where the event's button leads: straight to confirmation when the event names the products, else to the plans. */
export function eventEnrolUrl(event: OutreachEventPublic): string {
  return event.products.length > 0
    ? enrolConfirmUrlWithEvent({ catalogueId: event.catalogueId, codes: event.products, eventId: event.id })
    : plansUrl({ catalogueId: event.catalogueId, eventId: event.id })
}

/** Event codes whose scan this run of the app has counted. */
const countedScans = new Set<string>()

/** An outreach event (宣讲、义诊) whose QR code opened the app: what it is, who pays, and one tap to enrol. */
export function EventBanner({ code }: { code: string }) {
  const state = useLoad(getEventByCode, [code])
  // The scan is counted once the event is found, once per opening of the app by its QR code (not again when the
  // page refreshes it, is shown again, or the rider signs in and the cache is loaded afresh).
  const found = state.status === 'ready'
  useEffect(() => {
    if (found && !countedScans.has(code)) {
      countedScans.add(code)
      void countEventScan(code)
    }
  }, [found, code])
  if (state.status === 'loading') return <LoadingState id='event-loading' />
  if (state.status === 'error') return <Text id='event-error' className='notice'>{ui.enrol.eventNotFound}</Text>
  const event = state.value
  return (
    <View id='event-banner' className='card event-banner'>
      <Text className='hint'>{ui.enrol.event}</Text>
      <Text id='event-name' className='card__title'>{event.name}</Text>
      <Text className='hint'>{fillTemplate(ui.enrol.eventPlace, { date: formatDate(event.date), place: event.place })}</Text>
      {event.unitName && <Text className='hint'>{event.unitName}</Text>}
      <Text id='event-funding'>{fillTemplate(ui.enrol.eventFunding, { funding: fundingSourceLabels[event.fundingSource] })}</Text>
      <Button id='event-enrol' type='primary' block onClick={() => void Taro.navigateTo({ url: eventEnrolUrl(event) })}>
        {ui.enrol.eventEnrol}
      </Button>
    </View>
  )
}
