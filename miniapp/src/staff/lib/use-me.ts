import { useState } from 'react'
import type { MeResponse } from '@huzhu/shared'
import { ApiError } from '../../api/errors'
import { getToken } from '../../api/token'
import { useAsync } from '../../lib/use-async'
import { fetchMe } from './staff-api'

export type MeState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; me: MeResponse }

const SIGNED_OUT = 'signed_out'

/** The signed-in account (`GET /api/v1/me`); signed out when there is no token or the server says 401. */
export function useMe(): MeState {
  const [attempt, setAttempt] = useState(0)
  const state = useAsync(async () => {
    if (getToken() === null) return SIGNED_OUT
    try {
      return await fetchMe()
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return SIGNED_OUT
      throw error
    }
  }, [attempt])
  if (state.status === 'loading') return state
  if (state.status === 'error') return { status: 'error', message: state.message, retry: () => setAttempt((n) => n + 1) }
  return state.value === SIGNED_OUT ? { status: 'signed_out' } : { status: 'ready', me: state.value }
}
