import { transparencyIndexSchema, transparencyPaths, transparencyPlanSchema, type TransparencyIndex, type TransparencyPlan } from '@huzhu/shared'
import { api } from '../../api/api'
import { schemaDecoder } from '../../api/client'

/** `GET /api/v1/transparency` (public): the catalogues and plan years with figures to show. */
export function fetchTransparencyIndex(): Promise<TransparencyIndex> {
  return api.request({ path: transparencyPaths.index, decode: schemaDecoder(transparencyIndexSchema) })
}

/** `GET /api/v1/transparency/:catalogueId/:planYear` (public): one plan year's figures and anonymised cases. */
export function fetchTransparencyPlan(catalogueId: string, planYear: number): Promise<TransparencyPlan> {
  const path = transparencyPaths.plan.replace(':catalogueId', encodeURIComponent(catalogueId)).replace(':planYear', String(planYear))
  return api.request({ path, decode: schemaDecoder(transparencyPlanSchema) })
}
