import { beforeEach } from '@jest/globals'
import { clearCatalogueCache } from '../src/api'
import { forgetProvenPhone } from '../src/features/login/proven-phone'
import { forgetRealNameDraft } from '../src/features/profile/kept-draft'
import { resetTaroStub } from './taro-stub'

// Render NutUI as in the H5 build (its icons style themselves by platform).
process.env.TARO_ENV = 'h5'

// Every test starts with no network, empty storage, no catalogue loaded and nothing kept in the app's memory.
beforeEach(() => {
  resetTaroStub()
  clearCatalogueCache()
  forgetProvenPhone()
  forgetRealNameDraft()
})
