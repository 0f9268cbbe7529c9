import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { MeResponse } from '@huzhu/shared'
import { SIGNED_OUT } from '../../api/client'
import { ApiError } from '../../api/errors'
import { getToken, SIGNED_IN } from '../../api/token'
import { useAsync } from '../../lib/use-async'
import { fetchMe } from './staff-api'

export type MeState =
  | { status: 'loading' }
  | { status: 'signed_out' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; me: MeResponse }

const SIGNED_OUT_STATE = 'signed_out'

/**
 * The signed-in account (`GET /api/v1/me`); signed out when there is no token or
 * the server says 401. Asked again whenever the session changes: a staff page
 * that sent the person to log in stays open underneath the log-in page and is
 * shown again by "back", so it must learn of the new session (and its roles)
 * then, not only when it is first opened; a session the server refuses later
 * turns the page back to "please sign in".
 */
export function useMe(): MeState {
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const again = () => setAttempt((n) => n + 1)
    Taro.eventCenter.on(SIGNED_IN, again)
    Taro.eventCenter.on(SIGNED_OUT, again)
    return () => {
      Taro.eventCenter.off(SIGNED_IN, again)
      Taro.eventCenter.off(SIGNED_OUT, again)
    }
  }, [])
  const state = useAsync(async () => {
    if (getToken() === null) return SIGNED_OUT_STATE
    try {
      return await fetchMe()
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return SIGNED_OUT_STATE
      throw error
    }
  }, [attempt])
  if (state.status === 'loading') return state
  if (state.status === 'error') return { status: 'error', message: state.message, retry: () => setAttempt((n) => n + 1) }
  return state.value === SIGNED_OUT_STATE ? { status: 'signed_out' } : { status: 'ready', me: state.value }
}
