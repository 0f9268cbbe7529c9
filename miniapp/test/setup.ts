import { beforeEach } from '@jest/globals'
import { configure } from '@testing-library/react'
import { forgetProvenPhone } from '../src/features/login/proven-phone'
import { forgetRealNameDraft } from '../src/features/profile/kept-draft'
import { resetTaroStub } from './taro-stub'

// findBy*/waitFor wait up to 5 s, not 1 s: on a busy two-core CI runner a screen that signs or verifies (the
// card check) can take longer than a second to answer; a screen that never answers still fails.
configure({ asyncUtilTimeout: 5_000 })

// Render NutUI as in the H5 build (its icons style themselves by platform).
process.env.TARO_ENV = 'h5'

// Every test starts with no network, empty storage and nothing kept in the app's memory (each render has
// its own empty data cache: test/testing-library.tsx).
beforeEach(() => {
  resetTaroStub()
  forgetProvenPhone()
  forgetRealNameDraft()
})
