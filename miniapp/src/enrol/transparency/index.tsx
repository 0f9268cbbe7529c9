import { Screen } from '../../components/Screen'
import { TransparencyScreen } from '../../features/transparency/TransparencyScreen'

/** 公开透明: each plan's premiums, payouts and anonymised paid cases, for anyone (no login). */
export default function TransparencyPage() {
  return (
    <Screen className='page-transparency'>
      <TransparencyScreen />
    </Screen>
  )
}
