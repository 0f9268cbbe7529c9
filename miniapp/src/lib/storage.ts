import Taro from '@tarojs/taro'

/** JSON values in the platform's storage (wx storage or localStorage); a broken value reads as null. */
export function readStored<T>(key: string, check: (value: unknown) => value is T): T | null {
  try {
    const raw: unknown = Taro.getStorageSync(key)
    if (raw === '' || raw === undefined || raw === null) return null
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw
    return check(value) ? value : null
  } catch {
    return null
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value))
  } catch {
    // Storage full or unavailable: the app still works, it only forgets.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    // nothing to forget
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
