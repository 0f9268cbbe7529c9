import { payeeUi } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: payeeUi.title,
})
