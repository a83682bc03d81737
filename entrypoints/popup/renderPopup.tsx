import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import type { PopupFirstScreen } from '@/components/popup/popupFirstScreen';

export function renderPopup(root: HTMLElement, first: PopupFirstScreen | undefined): void {
  createRoot(root).render(
    <StrictMode>
      <PopupApp first={first} />
    </StrictMode>,
  );
}
