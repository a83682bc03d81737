import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';

import { CALENDAR_MATCHES, MEET_MATCHES } from './lib/hosts';

export default defineConfig({
  // A separate output folder lets parallel builds (e.g. the benchmark next to the tests) not collide.
  outDir: process.env.FOURPS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // Content scripts use only runtime.sendMessage (which returns a promise natively in Chrome MV3 and
    // Firefox), runtime.getURL and the storage.onChanged event, so they get WXT's plain `browser`
    // instead of the polyfill: it was
    // 2.9 KB of the calendar script's 15 KB gzipped budget (ARCHITECTURE rule 2). The background and
    // the extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      config.resolve = { ...config.resolve, alias: withoutPolyfillAlias(config.resolve?.alias) };
    },
  },
  // FOURPS_SOURCEMAP=1 adds source maps, to map a CPU profile of the minified scripts back to the code.
  vite: () => ({ build: { sourcemap: process.env.FOURPS_SOURCEMAP === '1' } }),
  manifest: ({ browser }) => ({
    name: 'Four Ps — mentoring prep',
    description:
      'Prepare every mentoring conversation with the 4 Ps (Purpose, Preparation, Participation, Plan), right from Google Calendar. All data stays on this device.',
    // storage: IndexedDB quota for notes; sidePanel: notes during the call; alarms + notifications:
    // meeting-end and reminder signals that survive a stopped service worker.
    // Firefox has no sidePanel API (WXT turns the side panel into a sidebar_action), so it is not asked for.
    permissions: ['storage', ...(browser === 'firefox' ? [] : ['sidePanel']), 'alarms', 'notifications'],
    // Meet only, the host the content script already reads (so no new install warning): it lets the
    // background see a Meet tab's URL, to tell when the tab navigates away from the call and it ends.
    host_permissions: MEET_MATCHES,
    action: { default_title: 'Four Ps — upcoming mentoring meetings' },
    // The prep page is shown in an iframe over the calendar, so only the calendar may frame it.
    web_accessible_resources: [{ resources: ['prep.html'], matches: CALENDAR_MATCHES }],
    // Firefox wants a stable add-on id and a declaration that no data leaves the device (Chrome
    // would flag the key as unknown, so only Firefox gets it).
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'four-ps@fourps.example', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
});

/** The Vite aliases minus the one @wxt-dev/webextension-polyfill adds for `wxt/browser`. */
function withoutPolyfillAlias(alias: AliasOptions | undefined): AliasOptions | undefined {
  if (alias === undefined) return undefined;
  if (Array.isArray(alias)) return alias.filter((entry) => entry.find !== 'wxt/browser');
  const { 'wxt/browser': _polyfill, ...rest } = alias as Record<string, string>;
  return rest;
}
