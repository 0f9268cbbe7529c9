import type { MeResponse } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { getToken } from '../../api/token'
import { useLoad } from '../../lib/use-api'
import { fetchMe } from './staff-api'

export type MeState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; me: MeResponse }

const SIGNED_OUT_STATE = 'signed_out'

/** The signed-in account, or "signed out" when there is no token or the server says 401. */
async function loadMe(): Promise<MeResponse | typeof SIGNED_OUT_STATE> {
  if (getToken() === null) return SIGNED_OUT_STATE
  try {
    return await fetchMe()
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return SIGNED_OUT_STATE
    throw error
  }
}

/**
 * The signed-in account (`GET /api/v1/me`), one request for every staff page open. Asked again whenever the
 * session changes (the data cache is emptied then: lib/data-config.ts): a staff page that sent the person to
 * log in stays open underneath the log-in page and is shown again by "back", so it must learn of the new
 * session (and its roles) then, not only when it is first opened; a session the server refuses later turns
 * the page back to "please sign in".
 */
export function useMe(): MeState {
  const state = useLoad(loadMe, [])
  if (state.status === 'loading') return { status: 'loading' }
  if (state.status === 'error') return { status: 'error', message: state.message, retry: state.retry }
  return state.value === SIGNED_OUT_STATE ? { status: 'signed_out' } : { status: 'ready', me: state.value }
}
