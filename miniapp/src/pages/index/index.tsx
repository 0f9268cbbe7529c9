import { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { HomeScreen } from '../../features/home/HomeScreen'
import { eventCodeOf } from '../../lib/routes'
import { useReshowCount } from '../../lib/use-reshow'

/** The first screen. Shown again after another page closes: its data is fetched afresh. */
export default function HomePage() {
  const eventCode = eventCodeOf(useRouter().params)
  const shown = useReshowCount()
  return (
    <Screen>
      <HomeScreen key={shown} eventCode={eventCode} />
    </Screen>
  )
}
