import { useRouter } from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { PlansScreen } from '../../features/plans/PlansScreen'
import './index.scss'

/** 参保: the plans on offer, `?catalogue=` to open one, `?event=` when an outreach event led here. */
export default function PlansPage() {
  const { catalogue, event } = useRouter().params
  return (
    <Screen className='page-plans'>
      <PlansScreen
        initialCatalogueId={catalogue ? decodeURIComponent(catalogue) : undefined}
        eventId={event ? decodeURIComponent(event) : undefined}
      />
    </Screen>
  )
}
