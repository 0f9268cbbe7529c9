import type { Ledger } from '@huzhu/shared'
import type { CatalogueStore } from '../catalogues/catalogue-store'
import type { LedgerView } from './ledger.service'

/** A catalogue's name, or its id when the installation no longer has it. */
export const catalogueNameOf = (catalogues: CatalogueStore, id: string) => catalogues.get(id)?.data.name ?? id

export function presentLedger(view: LedgerView, catalogues: CatalogueStore): Ledger {
  return {
    from: view.from,
    to: view.to,
    catalogueId: view.catalogueId,
    rows: view.lines.map(({ day, catalogueId, fundingSource, ...figures }) => ({
      day, catalogueId, catalogueName: catalogueNameOf(catalogues, catalogueId), fundingSource, ...figures,
    })),
    totals: { ...view.totals },
  }
}
