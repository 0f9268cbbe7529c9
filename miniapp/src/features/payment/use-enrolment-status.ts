import { useState } from 'react'
import type { Enrolment } from '@huzhu/shared'
import { errorMessage } from '../../api/errors'
import { listMyEnrolments } from '../../api/member'

/**
 * An enrolment as last seen, and a way to look again (has the office confirmed
 * the payment?). `checked`: looked again at least once.
 */
export function useEnrolmentStatus(initial: Enrolment) {
  const [enrolment, setEnrolment] = useState(initial)
  const [refreshing, setRefreshing] = useState(false)
  const [checked, setChecked] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const refresh = async () => {
    setRefreshing(true)
    setError(null)
    try {
      const found = (await listMyEnrolments()).find((e) => e.id === initial.id)
      if (found) setEnrolment(found)
      setChecked(true)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setRefreshing(false)
    }
  }
  return { enrolment, refreshing, checked, error, refresh }
}
