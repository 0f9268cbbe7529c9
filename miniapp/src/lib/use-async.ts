import { useEffect, useState, type DependencyList } from 'react'
import { errorMessage } from '../api'

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T }

/**
 * Runs `load` whenever `deps` change and tracks its state; a result that
 * arrives after the deps changed again (or after unmount) is dropped.
 * Errors become their Chinese message.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    )
    return () => {
      current = false
    }
    // `deps` are what `load` depends on (and what asks for another try): the caller names them, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a generic hook: the caller's list is the dependency list
  }, deps)
  return state
}
