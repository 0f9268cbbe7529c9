import { useState } from 'react'
import type { PayoutEstimateRequest, PayoutEstimateResponse } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { estimatePayout } from '../../api/member'

/**
 * The payout estimate (理赔试算) of the claim as typed. `key` names what the
 * estimate was made from (cover, kind, date, figures): once any of them changes
 * the estimate is stale (`fresh` null, `stale` true) and must be asked again
 * before the claim can be sent.
 */
export function useEstimate(key: string) {
  const [estimate, setEstimate] = useState<{ key: string; value: PayoutEstimateResponse } | null>(null)
  const [estimating, setEstimating] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const fresh = estimate && estimate.key === key ? estimate.value : null

  const run = async (request: PayoutEstimateRequest) => {
    setEstimating(true)
    setFailure(null)
    try {
      setEstimate({ key, value: await estimatePayout(request) })
    } catch (e) {
      setFailure(errorMessage(e))
    } finally {
      setEstimating(false)
    }
  }

  return { fresh, stale: estimate !== null && fresh === null, estimating, failure, run, clear: () => setEstimate(null) }
}
