import { beforeEach } from '@jest/globals'
import { clearCatalogueCache } from '../src/api'
import { resetTaroStub } from './taro-stub'

// Render NutUI as in the H5 build (its icons style themselves by platform).
process.env.TARO_ENV = 'h5'

// Every test starts with no network, empty storage and no catalogue loaded.
beforeEach(() => {
  resetTaroStub()
  clearCatalogueCache()
})
