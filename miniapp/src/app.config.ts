import { ui } from '@huzhu/shared'

/**
 * The main package holds only the first screens; later pages go into
 * subpackages by domain (enrol, claims, staff), loaded when first opened.
 */
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [{ root: 'enrol', pages: ['confirm/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: ui.app.name,
    navigationBarTextStyle: 'black',
  },
})
