import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

const KEY = 'huzhu.settings.largeText'
const EVENT = 'huzhu:largeText'

export function isLargeText(): boolean {
  return Taro.getStorageSync(KEY) === '1'
}

/** Turns large-text mode on or off for every page, and remembers it. */
export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0')
  Taro.eventCenter.trigger(EVENT, on)
}

/** Whether large text is on; follows changes made on any page. */
export function useLargeText(): boolean {
  const [on, setOn] = useState(isLargeText)
  useEffect(() => {
    const listener = (value: unknown) => setOn(value === true)
    Taro.eventCenter.on(EVENT, listener)
    return () => void Taro.eventCenter.off(EVENT, listener)
  }, [])
  return on
}
