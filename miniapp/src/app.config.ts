import { ui } from '@huzhu/shared'

/**
 * The main package holds only the first screens; later pages go into
 * subpackages by domain (enrol, claims, staff), loaded when first opened.
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    { root: 'enrol', pages: ['plans/index', 'confirm/index', 'card/index', 'transparency/index', 'assisted/index'] },
    { root: 'me', pages: ['profile/index', 'messages/index', 'accounts/index', 'data/index'] },
    { root: 'claims', pages: ['new/index', 'detail/index', 'list/index'] },
    { root: 'staff', pages: ['index/index', 'check/index', 'events/index', 'event/index', 'unit/index', 'units/index', 'review/index', 'claim/index', 'payments/index', 'medical/index', 'identity/index', 'hardship/index', 'calendar/index', 'catalogues/index', 'users/index', 'audit/index', 'ledger/index', 'dashboard/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: ui.app.name,
    navigationBarTextStyle: 'black',
  },
})
