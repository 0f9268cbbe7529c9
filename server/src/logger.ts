import pino, { type DestinationStream, type Logger } from 'pino'

/**
 * Field names whose values never reach a log line, wherever they appear (top
 * level or one level down). Code must not pass such values to the logger in the
 * first place; this is the safety net.
 */
const SECRET_FIELDS = [
  'authorization', 'token', 'phone', 'mobile', 'smsCode', 'idNumber', 'id_number', 'secret', 'password',
  'sessionKey', 'session_key', 'dataKey', 'signingKey', 'ciphertext',
]

export const redactPaths = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie',
]

/** Structured JSON logs (pino). `destination` lets tests capture the lines. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'huzhu-server' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
  }
  return destination ? pino(options, destination) : pino(options)
}
