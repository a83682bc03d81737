import { describe, expect, it } from 'vitest';
import { isDeclinedText, responseFromText } from '../../../lib/gcal/responseWords';

describe('isDeclinedText', () => {
  it.each([
    'Declined',
    'declined',
    'Abgelehnt',
    'Refusé',
    'Rechazado',
    '辞退',
    'Accepted',
    'Not yet responded',
    'Awaiting response, declined earlier',
    'needsAction',
    'No location',
    'Alex Doe',
    'September 15, 2026',
  ])('agrees with responseFromText on "%s"', (text) => {
    expect(isDeclinedText(text)).toBe(responseFromText(text) === 'declined');
  });
});
