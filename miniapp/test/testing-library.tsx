/**
 * `@testing-library/react` as the tests import it (jest.config.js maps the name here): the same library,
 * but every rendered tree is inside the app's data provider (lib/data-config.ts), as the app's pages are
 * (app.ts). Each render starts with an empty data cache, like a freshly opened app, and gets the app's swr
 * settings (no automatic retry of a failed load, a page shown again refreshes).
 */
import type { ReactNode } from 'react'
import type * as Library from '@testing-library/react'
import { DataProvider } from '../src/lib/data-config'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the real module, by its file: the name itself is mapped to this one
const library = require('@testing-library/react/dist/index.js') as typeof Library

export const { act, cleanup, configure, fireEvent, prettyDOM, renderHook, screen, waitFor, waitForElementToBeRemoved, within } = library

type RenderOptions = NonNullable<Parameters<typeof Library.render>[1]>

/** `render`, inside a fresh data provider (and inside the test's own wrapper, if it gives one). */
export function render(ui: ReactNode, options: RenderOptions = {}) {
  const Inner = options.wrapper
  const wrapper = ({ children }: { children: ReactNode }) => <DataProvider>{Inner ? <Inner>{children}</Inner> : children}</DataProvider>
  return library.render(ui, { ...options, wrapper })
}
