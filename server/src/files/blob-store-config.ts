/**
 * Where shared files are kept (`blob-store.ts`), read from the environment by
 * `loadConfig`: `HUZHU_BLOB_STORE=disk` (the default: under the data folder) or
 * `s3` with an S3-compatible bucket. An S3 store missing its bucket, region or
 * keys is a problem in every environment (nothing could be stored); in
 * production S3 variables without `HUZHU_BLOB_STORE=s3` (files would stay on
 * each node's disk), an http endpoint, or no server-side encryption are too.
 */

export const blobStoreKinds = ['disk', 's3'] as const
export const serverSideEncryptions = ['AES256', 'aws:kms', 'none'] as const

export interface S3Settings {
  /** Scheme, host and port of the service (`https://cos.ap-guangzhou.myqcloud.com`); none: AWS by region. */
  readonly endpoint: string | undefined
  readonly region: string
  readonly bucket: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO; not Aliyun OSS). */
  readonly forcePathStyle: boolean
  /** The `x-amz-server-side-encryption` sent with every object; undefined: none (refused in production). */
  readonly serverSideEncryption: 'AES256' | 'aws:kms' | undefined
}

export type BlobStoreSettings = { readonly kind: 'disk' } | { readonly kind: 's3'; readonly s3: S3Settings }

type Env = Record<string, string | undefined>

const S3_VARIABLES = ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_SERVER_SIDE_ENCRYPTION'] as const
const REQUIRED = ['S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
/** S3's bucket naming rules, which COS (`name-1250000000`), OSS and MinIO also follow. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim()
  return v === undefined || v === '' ? undefined : v
}

function endpointOf(env: Env, isProduction: boolean, problems: string[]): string | undefined {
  const v = value(env, 'S3_ENDPOINT')
  if (v === undefined) return undefined
  let url: URL
  try {
    url = new URL(v)
  } catch {
    problems.push('S3_ENDPOINT: not a URL')
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('S3_ENDPOINT: http or https only')
  else if (isProduction && url.protocol !== 'https:') problems.push('S3_ENDPOINT must be https when NODE_ENV=production (claim photos and rosters go through it)')
  if (url.pathname !== '/' || url.search !== '') problems.push('S3_ENDPOINT: scheme, host and port only (the bucket is S3_BUCKET)')
  return `${url.protocol}//${url.host}`
}

function flag(env: Env, name: string, problems: string[]): boolean {
  const v = value(env, name)
  if (v === undefined || v === '0' || v === 'false') return false
  if (v === '1' || v === 'true') return true
  problems.push(`${name}: 1, 0, true or false`)
  return false
}

export function readBlobStoreSettings(env: Env, options: { isProduction: boolean }, problems: string[], warnings: string[]): BlobStoreSettings {
  const kind = value(env, 'HUZHU_BLOB_STORE') ?? 'disk'
  if (!(blobStoreKinds as readonly string[]).includes(kind)) {
    problems.push(`HUZHU_BLOB_STORE: ${blobStoreKinds.join(' or ')}`)
    return { kind: 'disk' }
  }
  if (kind === 'disk') {
    const stray = S3_VARIABLES.filter((name) => value(env, name) !== undefined)
    if (stray.length > 0) {
      const text = `${stray.join(', ')} set but HUZHU_BLOB_STORE is not s3: files are kept on this node's disk`
      if (options.isProduction) problems.push(text)
      else warnings.push(text)
    }
    return { kind: 'disk' }
  }
  const missing = REQUIRED.filter((name) => value(env, name) === undefined)
  if (missing.length > 0) problems.push(`HUZHU_BLOB_STORE=s3 needs ${missing.join(', ')}`)
  const bucket = value(env, 'S3_BUCKET') ?? ''
  if (bucket !== '' && !BUCKET.test(bucket)) problems.push('S3_BUCKET: 3 to 63 lower-case letters, digits, dots and hyphens')
  const endpoint = endpointOf(env, options.isProduction, problems)
  const sse = value(env, 'S3_SERVER_SIDE_ENCRYPTION') ?? 'AES256'
  if (!(serverSideEncryptions as readonly string[]).includes(sse)) problems.push(`S3_SERVER_SIDE_ENCRYPTION: ${serverSideEncryptions.join(', ')}`)
  else if (sse === 'none' && options.isProduction) {
    problems.push('S3_SERVER_SIDE_ENCRYPTION=none is refused when NODE_ENV=production: rosters hold ID numbers (use AES256 or aws:kms)')
  }
  return {
    kind: 's3',
    s3: {
      endpoint,
      region: value(env, 'S3_REGION') ?? '',
      bucket,
      accessKeyId: value(env, 'S3_ACCESS_KEY_ID') ?? '',
      secretAccessKey: value(env, 'S3_SECRET_ACCESS_KEY') ?? '',
      forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE', problems),
      serverSideEncryption: sse === 'AES256' || sse === 'aws:kms' ? sse : undefined,
    },
  }
}
