import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { allTabCalls, unlinkedCalls } from '@/lib/background/tabCalls';

/**
 * The codes of Meet calls the user is in that matched no meeting, live: the background keeps them in
 * `storage.session`, which extension pages may read and which reports every change.
 */
export function useUnlinkedMeetCodes(): string[] {
  const [codes, setCodes] = useState<string[]>([]);
  useEffect(() => {
    let active = true;
    const read = () =>
      void allTabCalls().then(
        (calls) => {
          if (!active) return;
          const next = [...new Set(unlinkedCalls(calls).map((call) => call.meetCode))];
          setCodes((previous) => (previous.join() === next.join() ? previous : next));
        },
        () => undefined,
      );
    read();
    browser.storage.session.onChanged.addListener(read);
    return () => {
      active = false;
      browser.storage.session.onChanged.removeListener(read);
    };
  }, []);
  return codes;
}
