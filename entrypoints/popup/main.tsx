import '@/components/theme.css';
import './popup.css';
import { readPopupFirstScreen } from '@/components/popup/popupFirstScreen';
import { saveJournalledDrafts } from '@/lib/drafts/saveJournalledDrafts';

/** Longer than the read takes on years of data (about 30 ms), short enough not to be felt. */
const FIRST_READ_PATIENCE_MS = 400;

// Text a page closed too fast to store is saved as soon as any extension page opens.
void saveJournalledDrafts();

// The popup is opened to see the upcoming list, so its read starts first: IndexedDB works on it while
// React and the components load and start, and the list is drawn in the popup's first frame.
const firstScreen = readPopupFirstScreen(FIRST_READ_PATIENCE_MS);
const root = document.getElementById('root');
if (root) {
  void Promise.all([import('./renderPopup'), firstScreen]).then(([{ renderPopup }, first]) =>
    renderPopup(root, first),
  );
}
