import { transparencyUi } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: transparencyUi.title,
})
