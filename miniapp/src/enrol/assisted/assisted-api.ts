import { endpoints, type AssistedConfirmationResponse, type AssistedEnrolment } from '@huzhu/shared'
import { call } from '../../api/call'

/** What staff entered for my proven (login) phone, newest first. */
export async function listMyAssistedEnrolments(): Promise<AssistedEnrolment[]> {
  return (await call(endpoints.assistedEnrolments.listMyAssistedEnrolments)).assistedEnrolments
}

/** I consent (the text version shown) and confirm: the enrolment is made. */
export function confirmAssistedEnrolment(id: string, textVersion: string): Promise<AssistedConfirmationResponse> {
  return call(endpoints.assistedEnrolments.confirmAssistedEnrolment, { params: { assistedId: id }, body: { textVersion } })
}
