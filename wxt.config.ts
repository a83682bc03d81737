import { defineConfig } from 'wxt';

import { CALENDAR_MATCHES } from './lib/hosts';

export default defineConfig({
  // A separate output folder lets parallel builds (e.g. the benchmark next to the tests) not collide.
  outDir: process.env.FOURPS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Four Ps — mentoring prep',
    description:
      'Prepare every mentoring conversation with the 4 Ps (Purpose, Preparation, Participation, Plan), right from Google Calendar. All data stays on this device.',
    // storage: IndexedDB quota for notes; sidePanel: notes during the call; alarms + notifications:
    // meeting-end and reminder signals that survive a stopped service worker.
    permissions: ['storage', 'sidePanel', 'alarms', 'notifications'],
    action: { default_title: 'Four Ps — upcoming mentoring meetings' },
    // The prep page is shown in an iframe over the calendar, so only the calendar may frame it.
    web_accessible_resources: [{ resources: ['prep.html'], matches: CALENDAR_MATCHES }],
  },
});
