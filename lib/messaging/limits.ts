/**
 * Size limits of what a content script may report. The content script trims to them before sending
 * (a 1 MB description must not stall the page) and the background rejects anything larger.
 */
export const MESSAGE_LIMITS = {
  shortText: 2_000,
  description: 50_000,
  guests: 500,
  eventsPerMessage: 1_000,
  id: 1_024,
} as const;
