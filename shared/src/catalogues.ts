import shaanxiGig2023 from '../catalogues/shaanxi-gig-2023.json'
import shanghai2020 from '../catalogues/shanghai-2020.json'
import cnMainland from '../calendars/cn-mainland.json'
import { loadCatalogueOrThrow, type Catalogue } from './catalogue/catalogue'
import { compileCalendar, holidayCalendarSchema, type HolidayCalendar } from './dates/working-days'

/**
 * The catalogues and the holiday calendar that ship with Huzhu, as data files
 * checked by their schemas. An office adds its own catalogue as another file
 * (the server loads a folder of them); nothing here needs to change.
 */
export const builtInCatalogueData: readonly unknown[] = [shanghai2020, shaanxiGig2023]

let catalogues: ReadonlyMap<string, Catalogue> | undefined

export function builtInCatalogues(): ReadonlyMap<string, Catalogue> {
  catalogues ??= new Map(
    builtInCatalogueData.map((raw, i) => {
      const catalogue = loadCatalogueOrThrow(raw, `built-in catalogue #${i + 1}`)
      return [catalogue.id, catalogue] as const
    }),
  )
  return catalogues
}

export const builtInCalendarData = holidayCalendarSchema.parse(cnMainland)

export function builtInCalendar(): HolidayCalendar {
  return compileCalendar(builtInCalendarData)
}
