import { Writable } from 'node:stream'
import { createLogger } from '../../logger'
import { ConsoleSmsProvider, type SmsMessage } from './sms'

const loginCode: SmsMessage = { phone: '13812345678', template: 'login_code', params: [{ name: 'code', value: '482913' }] }

function capture() {
  let text = ''
  const logger = createLogger('debug', new Writable({ write(chunk: Buffer, _e, done) { text += chunk.toString(); done() } }))
  return { logger, text: () => text }
}

describe('console SMS provider', () => {
  test('logs that a code was sent, without the phone or the code', async () => {
    const { logger, text } = capture()
    await new ConsoleSmsProvider().send(loginCode, logger)
    expect(text()).toContain('sms login code sent')
    expect(text()).not.toMatch(/13812345678|5678|482913/)
  })

  test('prints the code only on the development channel it is given, with the phone masked', async () => {
    const { logger, text } = capture()
    const lines: string[] = []
    await new ConsoleSmsProvider((line) => lines.push(line)).send(loginCode, logger)
    expect(lines).toEqual([expect.stringContaining('482913')])
    expect(lines[0]).toContain('138****5678')
    expect(lines[0]).not.toContain('13812345678')
    expect(text()).not.toContain('482913')
  })

  test('the logger redacts secret fields even if code passes them by mistake', () => {
    const { logger, text } = capture()
    logger.info({ phone: '13812345678', token: 'tok', nested: { idNumber: '11010519491231002X' } }, 'oops')
    expect(text()).not.toMatch(/13812345678|"tok"|11010519491231002X/)
    expect(text()).toContain('[redacted]')
  })
})
