import { describe, expect, test } from '@jest/globals'
import { endpoints } from '@huzhu/shared'
import { callWith } from '../src/api/call'
import { createApiClient, type Decoder } from '../src/api/client'
import { ApiError } from '../src/api/errors'
import { requests, setRequestHandler } from './taro-stub'

const call = callWith(createApiClient({ baseUrl: 'https://huzhu.example.cn', retryDelaysMs: [] }))

describe('call: a typed request to an entry of the shared API contract', () => {
  test('method and URL come from the entry; the answer is checked by its response schema', async () => {
    setRequestHandler(() => ({ statusCode: 200, data: { catalogues: [] } }))
    await expect(call(endpoints.catalogues.listCatalogues)).resolves.toEqual({ catalogues: [] })
    expect(requests.at(-1)).toMatchObject({ url: 'https://huzhu.example.cn/api/v1/catalogues', method: 'GET' })

    setRequestHandler(() => ({ statusCode: 200, data: { catalogues: 'not a list' } }))
    const error = await call(endpoints.catalogues.listCatalogues).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).kind).toBe('bad_response')
  })

  test('path parameters are URL-encoded; an entry without a response schema expects no body', async () => {
    setRequestHandler(() => ({ statusCode: 204, data: '' }))
    await expect(call(endpoints.payeeAccounts.deleteMyPayeeAccount, { params: { payeeAccountId: 'a/b c' } })).resolves.toBeUndefined()
    expect(requests.at(-1)).toMatchObject({ url: 'https://huzhu.example.cn/api/v1/me/payee-accounts/a%2Fb%20c', method: 'DELETE' })
  })

  test('the query leaves out unset values; the body and headers are sent; a decoder of its own replaces the schema', async () => {
    setRequestHandler(() => ({ statusCode: 200, data: { anything: true } }))
    const raw: Decoder<unknown> = (body) => ({ ok: true, value: body })
    const answer = await call(endpoints.catalogueAdmin.previewCatalogue, {
      query: { on: '2027-01-01', note: undefined }, body: { id: 'x' }, headers: { 'X-Test': '1' }, decode: raw,
    })
    expect(answer).toEqual({ anything: true })
    const sent = requests.at(-1)!
    expect(sent).toMatchObject({ url: 'https://huzhu.example.cn/api/v1/catalogue-previews?on=2027-01-01', method: 'POST', data: { id: 'x' } })
    expect(sent.header).toMatchObject({ 'Content-Type': 'application/json', 'X-Test': '1' })
  })
})
