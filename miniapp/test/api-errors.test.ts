import { afterEach, describe, expect, test } from '@jest/globals'
import { fillTemplate, ui } from '@huzhu/shared'
import { ApiError, apiErrorOf } from '../src/api/errors'
import { uploadMedicalRecords } from '../src/staff/lib/files'
import { setRequestHandler } from './taro-stub'

const refusal = {
  error: {
    code: 'roster_invalid_file',
    message: '文件无法读取，请上传 Excel（.xlsx）文件',
    details: [{ reason: 'too_many_rows' }],
  },
}

describe('an answer outside 2xx becomes one ApiError', () => {
  test('the server’s code, Chinese message and details', () => {
    const error = apiErrorOf(422, refusal)
    expect(error).toBeInstanceOf(ApiError)
    expect([error.kind, error.status, error.code, error.message, error.details]).toEqual(['http', 422, refusal.error.code, refusal.error.message, refusal.error.details])
  })

  test('a body that is not the server’s error (a proxy’s page, nothing) gives the status in words', () => {
    for (const body of ['<html>502 Bad Gateway</html>', null, { error: { code: 'x' } }]) {
      const error = apiErrorOf(502, body)
      expect([error.kind, error.status, error.code, error.message, error.details]).toEqual(['http', 502, 'http', fillTemplate(ui.network.httpStatus, { status: 502 }), []])
    }
  })

  describe('in the mini-program', () => {
    afterEach(() => {
      process.env.TARO_ENV = 'h5'
    })

    test('a refused spreadsheet upload keeps the server’s details, as in H5', async () => {
      process.env.TARO_ENV = 'weapp'
      setRequestHandler(() => ({ statusCode: 422, data: refusal }))
      const error = await uploadMedicalRecords(new Uint8Array([0x50, 0x4b, 3, 4]).buffer).then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect(error).toMatchObject({ status: 422, code: refusal.error.code, message: refusal.error.message, details: refusal.error.details })
    })
  })
})
