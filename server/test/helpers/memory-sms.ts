import type { SmsProvider } from '../../src/features/accounts/sms'

/** Keeps what would have been sent, so a test can read a real (random) code. */
export class MemorySmsProvider implements SmsProvider {
  readonly sent: { phone: string; code: string }[] = []
  /** When set, the next send fails (the provider is down). */
  failNext = false

  async sendLoginCode(phone: string, code: string): Promise<void> {
    if (this.failNext) {
      this.failNext = false
      throw new Error('provider down')
    }
    this.sent.push({ phone, code })
  }

  lastCodeFor(phone: string): string | undefined {
    return this.sent.filter((s) => s.phone === phone).at(-1)?.code
  }
}
