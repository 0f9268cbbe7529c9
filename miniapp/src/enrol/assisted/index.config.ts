import { assistedUi } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: assistedUi.rider.title,
})
