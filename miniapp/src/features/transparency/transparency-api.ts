import { endpoints, type TransparencyIndex, type TransparencyPlan } from '@huzhu/shared'
import { call } from '../../api/call'

/** `GET` the transparency index (public): the catalogues and plan years with figures to show. */
export function fetchTransparencyIndex(): Promise<TransparencyIndex> {
  return call(endpoints.transparency.getTransparencyIndex)
}

/** `GET` one plan year's transparency page (public): one plan year's figures and anonymised cases. */
export function fetchTransparencyPlan(catalogueId: string, planYear: number): Promise<TransparencyPlan> {
  return call(endpoints.transparency.getTransparencyPlan, { params: { catalogueId, planYear } })
}
