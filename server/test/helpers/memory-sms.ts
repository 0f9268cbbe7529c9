import type { SmsMessage, SmsProvider } from '../../src/features/accounts/sms'

/** Keeps what would have been sent, so a test can read a real (random) code and the notices. */
export class MemorySmsProvider implements SmsProvider {
  readonly name = 'memory'
  readonly sent: SmsMessage[] = []
  /** When set, the next send fails. */
  failNext = false
  /** While set, every send fails (the provider is down). */
  down = false

  async send(message: SmsMessage): Promise<void> {
    if (this.failNext || this.down) {
      this.failNext = false
      throw new Error('provider down')
    }
    this.sent.push(message)
  }

  /** The login codes sent, as `{phone, code}`. */
  codes(): { phone: string; code: string }[] {
    return this.sent.filter((m) => m.template === 'login_code').map((m) => ({ phone: m.phone, code: m.params[0]!.value }))
  }

  /** The last login code sent to `phone` (run `await app.outbox.drain()` first: codes go out after the commit). */
  lastCodeFor(phone: string): string | undefined {
    return this.codes().filter((s) => s.phone === phone).at(-1)?.code
  }
}
