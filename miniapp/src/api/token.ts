import Taro from '@tarojs/taro'

const TOKEN_KEY = 'huzhu.session.token'

/** The session's bearer token, kept in the platform's storage (wx storage or localStorage). */
export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY)
  return typeof token === 'string' && token !== '' ? token : null
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token)
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY)
}
