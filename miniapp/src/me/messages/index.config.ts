import { ui } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: ui.messages.title,
})
