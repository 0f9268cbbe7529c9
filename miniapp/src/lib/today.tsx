import { createContext, useContext } from 'react'
import { chinaDateOf, type CivilDate } from '@huzhu/shared'

/**
 * Today's date in China, from one place: screens quote "as of today", and tests
 * pin the day with `<TodayProvider value={() => '2020-10-14'}>`.
 */
const TodayContext = createContext<() => CivilDate>(() => chinaDateOf(new Date()))

export const TodayProvider = TodayContext.Provider

export function useToday(): CivilDate {
  return useContext(TodayContext)()
}
