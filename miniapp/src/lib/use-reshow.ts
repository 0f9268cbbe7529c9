import { useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * How many times the page has been shown again (back from another page, the app
 * brought to the front); 0 on the first show, which Taro also reports. Use it as
 * a dependency or a key to refresh what the page shows.
 */
export function useReshowCount(): number {
  const [count, setCount] = useState(0)
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else setCount((n) => n + 1)
  })
  return count
}
