import { ui } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: ui.home.title,
})
