/**
 * The controls Four Ps adds to an event's details: the "Prep (4 Ps)" button for a mentoring meeting,
 * or a subtle "make this a mentoring meeting" link for any other event. Built with DOM calls only
 * (page text is never parsed as HTML) and styled inline so no stylesheet touches the page.
 */
export const PREP_BUTTON_TESTID = 'fourps-prep-button';
export const MARK_BUTTON_TESTID = 'fourps-mark-button';
export const UNMARK_BUTTON_TESTID = 'fourps-unmark-button';
const CONTROLS_ATTRIBUTE = 'data-fourps-controls';

export interface PrepControlsActions {
  openPrep: () => void;
  markMentoring: (mentoring: boolean) => void;
}

const PREP_BUTTON_STYLE = [
  'display:inline-flex',
  'align-items:center',
  'gap:6px',
  'margin:8px 0',
  'padding:6px 14px',
  'border:1px solid #1a73e8',
  'border-radius:18px',
  'background:#1a73e8',
  'color:#fff',
  'font:500 14px/20px system-ui,sans-serif',
  'cursor:pointer',
].join(';');

const LINK_STYLE = [
  'margin:8px 0 8px 8px',
  'padding:2px 6px',
  'border:0',
  'background:none',
  'color:#5f6368',
  'font:12px/16px system-ui,sans-serif',
  'text-decoration:underline',
  'cursor:pointer',
].join(';');

/** Finds the controls already placed in a container, so injection stays idempotent. */
export function findPrepControls(container: ParentNode): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[${CONTROLS_ATTRIBUTE}]`);
}

export function createPrepControls(
  doc: Document,
  eventId: string,
  mentoring: boolean,
  actions: PrepControlsActions,
): HTMLElement {
  const wrapper = doc.createElement('div');
  wrapper.setAttribute(CONTROLS_ATTRIBUTE, mentoring ? 'mentoring' : 'other');
  wrapper.dataset.eventId = eventId;
  wrapper.style.cssText = 'display:flex;align-items:center;flex-wrap:wrap;padding:0 16px 0 52px';
  if (mentoring) {
    wrapper.append(
      button(doc, PREP_BUTTON_TESTID, 'Prep (4 Ps)', PREP_BUTTON_STYLE, actions.openPrep),
      button(doc, UNMARK_BUTTON_TESTID, 'Not mentoring', LINK_STYLE, () => actions.markMentoring(false)),
    );
  } else {
    wrapper.append(
      button(doc, MARK_BUTTON_TESTID, 'Make this a mentoring meeting', LINK_STYLE, () =>
        actions.markMentoring(true),
      ),
    );
  }
  return wrapper;
}

function button(doc: Document, testId: string, label: string, style: string, onClick: () => void) {
  const element = doc.createElement('button');
  element.type = 'button';
  element.dataset.testid = testId;
  element.textContent = label;
  element.style.cssText = style;
  element.addEventListener('click', (event) => {
    // Calendar closes its popover on clicks it sees; ours are not for it.
    event.stopPropagation();
    onClick();
  });
  return element;
}
