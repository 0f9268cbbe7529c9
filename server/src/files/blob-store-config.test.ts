import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../config'

const key = () => randomBytes(32).toString('base64')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-blob-config-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const production = () => ({ NODE_ENV: 'production', HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key(), SMS_PROVIDER: 'console' })
const s3 = {
  HUZHU_BLOB_STORE: 's3', S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com', S3_REGION: 'ap-guangzhou', S3_BUCKET: 'huzhu-1250000000',
  S3_ACCESS_KEY_ID: 'AKIDEXAMPLE', S3_SECRET_ACCESS_KEY: 'secret',
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

describe('blob store configuration', () => {
  test('disk under the data folder by default; S3 with its endpoint, region, bucket, keys, path style and AES256 by default', () => {
    expect(loadConfig({ HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key() }).config.blobStore).toEqual({ kind: 'disk' })
    const { config } = loadConfig({ ...production(), ...s3, S3_ENDPOINT: 'https://minio.internal:9000/', S3_FORCE_PATH_STYLE: 'true' })
    expect(config.blobStore).toEqual({
      kind: 's3',
      s3: {
        endpoint: 'https://minio.internal:9000', region: 'ap-guangzhou', bucket: 'huzhu-1250000000', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret',
        forcePathStyle: true, serverSideEncryption: 'AES256',
      },
    })
    expect(loadConfig({ ...production(), ...s3, S3_SERVER_SIDE_ENCRYPTION: 'aws:kms' }).config.blobStore).toMatchObject({ s3: { serverSideEncryption: 'aws:kms', forcePathStyle: false } })
  })

  test('production refuses half an S3 configuration, an http endpoint, no server-side encryption, and S3 settings without HUZHU_BLOB_STORE=s3', () => {
    const { S3_SECRET_ACCESS_KEY: _secret, S3_REGION: _region, ...half } = s3
    expect(problemsOf({ ...production(), ...half })).toEqual([expect.stringMatching(/HUZHU_BLOB_STORE=s3 needs S3_REGION, S3_SECRET_ACCESS_KEY/)])
    expect(problemsOf({ ...production(), ...s3, S3_ENDPOINT: 'http://cos.ap-guangzhou.myqcloud.com' })).toEqual([expect.stringMatching(/S3_ENDPOINT must be https/)])
    expect(problemsOf({ ...production(), ...s3, S3_SERVER_SIDE_ENCRYPTION: 'none' })).toEqual([expect.stringMatching(/S3_SERVER_SIDE_ENCRYPTION=none is refused/)])
    const { HUZHU_BLOB_STORE: _kind, ...withoutKind } = s3
    expect(problemsOf({ ...production(), ...withoutKind })).toEqual([expect.stringMatching(/S3_ENDPOINT, S3_REGION, S3_BUCKET.* set but HUZHU_BLOB_STORE is not s3/)])
    expect(problemsOf({ ...production(), ...s3, HUZHU_BLOB_STORE: 'ftp' })).toEqual([expect.stringMatching(/HUZHU_BLOB_STORE: disk or s3/)])
    expect(problemsOf({ ...production(), ...s3, S3_BUCKET: 'Not_A_Bucket', S3_ENDPOINT: 'https://host/path', S3_FORCE_PATH_STYLE: 'yes' })).toEqual([
      expect.stringMatching(/S3_BUCKET: 3 to 63/), expect.stringMatching(/S3_ENDPOINT: scheme, host and port only/), expect.stringMatching(/S3_FORCE_PATH_STYLE: 1, 0/),
    ])
  })

  test('outside production: a missing S3 setting still refuses (nothing could be stored), stray S3 settings only warn, http and no encryption pass', () => {
    expect(problemsOf({ HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key(), HUZHU_BLOB_STORE: 's3', S3_BUCKET: 'huzhu-test' })).toEqual([
      expect.stringMatching(/needs S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/),
    ])
    const dev = { HUZHU_DATA_DIR: dir, HUZHU_DATA_KEY: key(), HUZHU_SIGNING_KEY: key() }
    const stray = loadConfig({ ...dev, S3_BUCKET: 'huzhu-test' })
    expect(stray.config.blobStore).toEqual({ kind: 'disk' })
    expect(stray.warnings.join()).toMatch(/S3_BUCKET set but HUZHU_BLOB_STORE is not s3/)
    expect(loadConfig({ ...dev, ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_SERVER_SIDE_ENCRYPTION: 'none' }).config.blobStore)
      .toMatchObject({ s3: { endpoint: 'http://127.0.0.1:9000', serverSideEncryption: undefined } })
  })
})
