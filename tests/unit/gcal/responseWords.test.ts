import { describe, expect, it } from 'vitest';
import {
  isCancelledTitle,
  isDeclinedText,
  mentionsOrganizer,
  responseFromText,
  rsvpChoiceFromText,
} from '../../../lib/gcal/responseWords';

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

describe('responseFromText in Portuguese, Italian and Dutch', () => {
  it.each([
    ['Aceito', 'accepted'],
    ['Aceitou', 'accepted'],
    ['Recusado', 'declined'],
    ['Talvez', 'tentative'],
    ['Aguardando resposta', 'needsAction'],
    ['Accettato', 'accepted'],
    ['Rifiutato', 'declined'],
    ['Forse', 'tentative'],
    ['In attesa di risposta', 'needsAction'],
    ['Geaccepteerd', 'accepted'],
    ['Afgewezen', 'declined'],
    ['Misschien', 'tentative'],
    ['Nog niet gereageerd', 'needsAction'],
  ] as const)('"%s" is %s', (text, response) => {
    expect(responseFromText(text)).toBe(response);
    expect(isDeclinedText(text)).toBe(response === 'declined');
  });

  it.each([
    ['Sim', 'accepted'],
    ['Não', 'declined'],
    ['Sì', 'accepted'],
    ['Forse', 'tentative'],
    ['Nee', 'declined'],
    ['Misschien', 'tentative'],
  ] as const)('RSVP button "%s" is %s', (text, response) => {
    expect(rsvpChoiceFromText(text)).toBe(response);
  });

  it('reads cancelled titles and organizers', () => {
    expect(isCancelledTitle('Annullato: Mentoring con Sam')).toBe(true);
    expect(isCancelledTitle('Cancelado: Mentoria com Sam')).toBe(true);
    expect(isCancelledTitle('Geannuleerd: Mentorgesprek met Sam')).toBe(true);
    expect(mentionsOrganizer('Organizzatore')).toBe(true);
  });
});
