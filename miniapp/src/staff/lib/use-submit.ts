import { useState } from 'react'
import { errorMessage } from '../../api/errors'

/**
 * A form's sending state: `run(work)` marks it busy, clears the last error, and
 * turns a failure into its Chinese message. `fail` shows a check's message
 * without sending anything.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run, fail: (message: string | null) => setError(message) }
}
