// Every unit test gets a fresh in-memory IndexedDB, so Dexie runs for real without a browser.
import 'fake-indexeddb/auto';

import { beforeEach } from 'vitest';
import { installFakePorts, resetFakePorts } from './fakeRuntimePorts';

// WXT's fake browser has no runtime ports, which the background and every autosaved field open.
installFakePorts();
beforeEach(resetFakePorts);
