import { builtInCatalogues, idCheckCharacter, toSelection, type Catalogue, type EnrolmentMode } from '../src'

export function catalogue(id: string): Catalogue {
  const found = builtInCatalogues().get(id)
  if (!found) throw new Error(`no built-in catalogue ${id}`)
  return found
}

export const shanghai = () => catalogue('shanghai-2020')
export const shaanxi = () => catalogue('shaanxi-gig-2023')

export function request(products: string[], mode: EnrolmentMode, acceptedOn: string) {
  return { selection: toSelection(products), mode, acceptedOn }
}

/** A valid 18-character ID number from its first 17 digits. */
export function withCheck(first17: string): string {
  return first17 + idCheckCharacter(first17)
}
