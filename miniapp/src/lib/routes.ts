/**
 * Page URLs with their query parameters, built and read in one place.
 * Pages in subpackages are addressed by their root (see app.config.ts).
 */
export interface EnrolConfirmParams {
  catalogueId: string
  codes: readonly string[]
}

export function enrolConfirmUrl({ catalogueId, codes }: EnrolConfirmParams): string {
  return `/enrol/confirm/index?catalogue=${encodeURIComponent(catalogueId)}&products=${encodeURIComponent(codes.join(','))}`
}

/** Reads the parameters back; null when the catalogue is missing. */
export function parseEnrolConfirmParams(params: Partial<Record<string, string>>): EnrolConfirmParams | null {
  const catalogueId = decodeURIComponent(params.catalogue ?? '')
  if (catalogueId === '') return null
  const codes = decodeURIComponent(params.products ?? '').split(',').filter((code) => code !== '')
  return { catalogueId, codes }
}
