import { endpoints, type AssistedEnrolment, type AssistedEnrolmentInput } from '@huzhu/shared'
import { call } from '../../api/call'

/** A staff member enters a rider at the event (代办): the code goes by SMS to the rider's phone. */
export function createAssistedEnrolment(eventId: string, body: AssistedEnrolmentInput): Promise<AssistedEnrolment> {
  return call(endpoints.assistedEnrolments.createAssistedEnrolment, { params: { eventId }, body })
}

/** How often the event page reads the event and its assisted enrolments again while it is open. */
export const EVENT_POLL_MS = 4_000

export async function fetchAssistedEnrolments(eventId: string): Promise<AssistedEnrolment[]> {
  return (await call(endpoints.assistedEnrolments.listEventAssistedEnrolments, { params: { eventId } })).assistedEnrolments
}

/** The rider's confirmation page, on the same origin as the event's link (`…/pages/index/index?event=…`). */
export function confirmationLink(eventLink: string): string {
  return eventLink.replace(/\/pages\/index\/index.*$/, '/enrol/assisted/index')
}
