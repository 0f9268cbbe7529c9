import type { Catalogue } from '@huzhu/shared'
import { useLoad } from '../../lib/use-api'

const noCatalogue = (): Promise<Catalogue> => Promise.reject(new Error('no catalogue loader'))

/**
 * The chosen enrolment's catalogue (kept in the data cache for the session once loaded); null while loading or
 * when it cannot be had: without it every kind is offered, and the server still checks the claim.
 */
export function useCatalogue(id: string | null, load: ((id: string) => Promise<Catalogue>) | undefined): Catalogue | null {
  const state = useLoad(load ?? noCatalogue, id !== null && load ? [id] : null, { keep: true })
  return state.status === 'ready' && state.value.id === id ? state.value : null
}
