import Taro from '@tarojs/taro'

const TOKEN_KEY = 'huzhu.session.token'

/** The session's bearer token, kept in the platform's storage (wx storage or localStorage). */
export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token !== '' ? token : null
}

/**
 * Fired when a session is stored (a log-in): pages that stayed open under the
 * log-in page, such as a staff page that asked the person to sign in, look
 * again at who is signed in. Its pair is `SIGNED_OUT` (api/client.ts).
 */
export const SIGNED_IN = 'huzhu:signedIn'

/** Fired when the server no longer accepts the session (expired or revoked): pages that need one send the member to log in. */
export const SIGNED_OUT = 'huzhu:signedOut'

/**
 * Fired when this phone ends the session on purpose (`clearToken`): the data cache forgets what the account
 * loaded, without loading anything again and without sending anyone to log in (the page that ended it stays).
 */
export const SESSION_ENDED = 'huzhu:sessionEnded'

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
  Taro.eventCenter.trigger(SIGNED_IN)
}

/**
 * Ends the session on this phone, quietly: the page that ended it says what comes next (the deletion
 * page shows what was erased and kept). What the account loaded leaves the data cache at once (`SESSION_ENDED`).
 */
export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.eventCenter.trigger(SESSION_ENDED)
}
