import { useRef, useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { HomeScreen } from '../../features/home/HomeScreen'
import { eventCodeOf } from '../../lib/routes'

/** The first screen. Shown again after another page closes: its data is fetched afresh. */
export default function HomePage() {
  const eventCode = eventCodeOf(useRouter().params)
  const [shown, setShown] = useState(0)
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else setShown((n) => n + 1)
  })
  return (
    <Screen>
      <HomeScreen key={shown} eventCode={eventCode} />
    </Screen>
  )
}
