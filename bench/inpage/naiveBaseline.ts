/**
 * The naive baseline: what many calendar extensions do, as a page script. On every mutation callback it
 * re-queries the whole document, parses every chip and the dialog, and adds what is missing. It uses our
 * own parsers and detection, so the comparison with the extension isolates the strategy (rescan
 * everything on every change vs. parse only what was added, once per frame), not the parsing code.
 * It sends no messages and stores nothing, which flatters it.
 */
import { defaultDetectionRules } from '@/lib/detect/defaultRules';
import { detectMentoring } from '@/lib/detect/detectMentoring';
import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { findChips, parseChip } from '@/lib/gcal/parseChip';
import {
  findEventDialog,
  findPrepButtonSlot,
  isCreateEventDialog,
  parseEventDialog,
} from '@/lib/gcal/parseEventDialog';

const rules = defaultDetectionRules();
const relationships: [] = [];
const isMentoring = (event: CalendarEvent) => detectMentoring(event, { rules, relationships }).mentoring;

function rescanWholeDocument(): void {
  const now = new Date();
  for (const chip of findChips(document)) {
    const event = parseChip(chip, now);
    if (event && isMentoring(event) && !chip.querySelector('[data-naive-badge]')) {
      const badge = document.createElement('span');
      badge.dataset.naiveBadge = '';
      badge.style.cssText = 'position:absolute;width:8px;height:8px;border-radius:50%;background:#d93025';
      chip.append(badge);
    }
  }
  const dialog = findEventDialog(document);
  if (!dialog || isCreateEventDialog(dialog) || dialog.querySelector('[data-naive-prep]')) return;
  const event = parseEventDialog(dialog, now);
  const slot = event && isMentoring(event) ? findPrepButtonSlot(dialog) : null;
  if (!slot) return;
  const button = document.createElement('button');
  button.dataset.naivePrep = '';
  button.textContent = 'Prep';
  slot.parent.insertBefore(
    button,
    slot.before && slot.before.parentNode === slot.parent ? slot.before : null,
  );
}

function start(): void {
  rescanWholeDocument();
  new MutationObserver(rescanWholeDocument).observe(document.body, { childList: true, subtree: true });
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
