import { useEffect, useState } from 'react'
import type { Catalogue } from '@huzhu/shared'

/** The chosen enrolment's catalogue (kept by the API layer once loaded); null while loading or when it cannot be had. */
export function useCatalogue(id: string | null, load: ((id: string) => Promise<Catalogue>) | undefined): Catalogue | null {
  const [loaded, setLoaded] = useState<Catalogue | null>(null)
  useEffect(() => {
    if (id === null || !load) return
    let current = true
    load(id).then(
      (catalogue) => current && setLoaded(catalogue),
      () => undefined, // without the catalogue every kind is offered; the server still checks the claim
    )
    return () => {
      current = false
    }
  }, [id, load])
  return loaded && loaded.id === id ? loaded : null
}
