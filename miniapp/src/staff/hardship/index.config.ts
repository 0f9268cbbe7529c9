import { staffPageTitles } from '@huzhu/shared'

export default definePageConfig({
  navigationBarTitleText: staffPageTitles.hardship,
})
