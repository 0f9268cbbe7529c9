import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { signingKeyFromSeed } from '@huzhu/shared'

/** The keys the server holds: AES/HMAC root key for sensitive data, Ed25519 key for member cards. */
export interface Secrets {
  /** 32 bytes; subkeys for encryption and keyed hashes are derived from it (see crypto/). */
  readonly dataKey: Buffer
  readonly signingKey: { readonly id: string; readonly secretKey: Uint8Array; readonly publicKey: Uint8Array }
}

interface SecretInputs {
  dataDir: string
  isProduction: boolean
  dataKey: string | undefined
  signingKey: string | undefined
  signingKeyId: string | undefined
}

const DEV_SECRETS_FILE = 'dev-secrets.json'

function decodeKey(name: string, text: string, problems: string[]): Buffer | undefined {
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text.trim()) ? Buffer.from(text.trim(), 'base64') : Buffer.alloc(0)
  if (bytes.length !== 32) {
    problems.push(`${name} must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`)`)
    return undefined
  }
  return bytes
}

/** Development keys, generated once and kept beside the database so restarts can still decrypt. */
function devSecrets(dataDir: string, warnings: string[]): { dataKey: string; signingKey: string } {
  const file = join(dataDir, DEV_SECRETS_FILE)
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { dataKey: string; signingKey: string }
    warnings.push(`using development keys from ${file}; set HUZHU_DATA_KEY and HUZHU_SIGNING_KEY for real data`)
    return stored
  }
  mkdirSync(dataDir, { recursive: true })
  const generated = { dataKey: randomBytes(32).toString('base64'), signingKey: randomBytes(32).toString('base64') }
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600, flag: 'wx' })
  warnings.push(`generated development keys in ${file}; set HUZHU_DATA_KEY and HUZHU_SIGNING_KEY for real data`)
  return generated
}

/**
 * Decodes the configured keys. Outside production a missing key comes from (or is
 * generated into) `dev-secrets.json` in the data folder, with a warning; in
 * production a missing key is a problem and the server does not start.
 */
export function resolveSecrets(input: SecretInputs, problems: string[], warnings: string[]): Secrets | undefined {
  let { dataKey, signingKey } = input
  if (dataKey === undefined || signingKey === undefined) {
    if (input.isProduction) {
      if (dataKey === undefined) problems.push('HUZHU_DATA_KEY is required when NODE_ENV=production')
      if (signingKey === undefined) problems.push('HUZHU_SIGNING_KEY is required when NODE_ENV=production')
      return undefined
    }
    const dev = devSecrets(input.dataDir, warnings)
    dataKey ??= dev.dataKey
    signingKey ??= dev.signingKey
  }
  const dataBytes = decodeKey('HUZHU_DATA_KEY', dataKey, problems)
  const seed = decodeKey('HUZHU_SIGNING_KEY', signingKey, problems)
  if (!dataBytes || !seed) return undefined
  const probe = signingKeyFromSeed('probe', seed)
  const id = input.signingKeyId ?? `k${createHash('sha256').update(probe.publicKey).digest('hex').slice(0, 10)}`
  return { dataKey: dataBytes, signingKey: { id, secretKey: probe.secretKey, publicKey: probe.publicKey } }
}
