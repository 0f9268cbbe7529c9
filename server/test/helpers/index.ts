/** Test helpers for API tests: start the real app, sign users in with roles, fake outside services. */
export * from './clock'
export * from './fake-wechat'
export * from './http'
export * from './login'
export * from './members'
export * from './memory-sms'
export * from './test-app'
