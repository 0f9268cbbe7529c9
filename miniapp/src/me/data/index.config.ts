import { dataRequestUi } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: dataRequestUi.title,
})
