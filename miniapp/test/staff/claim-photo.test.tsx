import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { fireEvent, render, waitFor } from '@testing-library/react'
import { ClaimPhoto } from '../../src/staff/claim/ClaimPhoto'

/**
 * The reviewer's zoom (放大): the zoomed photo must scroll to every edge. A
 * `scale()` transform grew the picture outside its box, about its centre, so its
 * top and left lay above and left of the scrolling area and could not be reached.
 * The picture's own box now grows (the frame's scroll range is that box), and a
 * turn is the only transform.
 */
const realFetch = globalThis.fetch
const realCreate = URL.createObjectURL
const realRevoke = URL.revokeObjectURL
beforeEach(() => {
  globalThis.fetch = (async () => ({ ok: true, status: 200, blob: async () => new Blob(['jpeg']) })) as unknown as typeof fetch
  URL.createObjectURL = (() => 'blob:invoice') as typeof URL.createObjectURL
  URL.revokeObjectURL = (() => undefined) as typeof URL.revokeObjectURL
})
afterEach(() => {
  globalThis.fetch = realFetch
  URL.createObjectURL = realCreate
  URL.revokeObjectURL = realRevoke
})

const image = () => document.querySelector('#claim-photo-0 img') as HTMLImageElement
const click = (id: string) => fireEvent.click(document.getElementById(id)!)

describe('zooming a claim photo', () => {
  test('zoom grows the picture’s own box inside the scrolling frame, with no scale transform; a turn keeps the size', async () => {
    render(<ClaimPhoto uploadId='upl_1' kind='invoice' mediaType='image/jpeg' index={0} />)
    await waitFor(() => expect(image()).toBeTruthy())
    expect([image().style.width, image().style.height, image().style.transform]).toEqual(['100%', '100%', ''])

    click('claim-photo-0-zoom-in')
    expect([image().style.width, image().style.height]).toEqual(['150%', '150%'])
    click('claim-photo-0-zoom-in')
    expect([image().style.width, image().style.height]).toEqual(['225%', '225%'])
    expect(image().style.transform).not.toMatch(/scale/)
    expect(image().parentElement?.id).toBe('claim-photo-0-frame')
    expect(image().parentElement?.dataset.zoom).toBe('2.25')

    click('claim-photo-0-rotate')
    expect([image().style.width, image().style.transform]).toEqual(['225%', 'rotate(90deg)'])
    click('claim-photo-0-zoom-out')
    click('claim-photo-0-zoom-out')
    click('claim-photo-0-zoom-out')
    expect([image().style.width, image().style.height]).toEqual(['100%', '100%'])
  })
})
