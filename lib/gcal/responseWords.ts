/**
 * Words Calendar shows for RSVP answers, organizers and cancellations in the supported UI languages.
 * Used only after data attributes failed: text is translated, so it is the fallback, never the only hook.
 */
import type { GuestResponse } from './calendarEvent';

const AWAITING_WORDS =
  /awaiting|needs rsvp|not (?:yet )?responded|no response|ausstehend|keine antwort|en attente|pas de réponse|pendiente|sin respuesta|aguardando|sem resposta|in attesa|nessuna risposta|nog niet gereageerd|in afwachting|未回答|返信待ち/iu;
const DECLINED_WORDS =
  /declined|abgelehnt|refusé|rechazad|recusad|recusou|rifiutat|afgewezen|geweigerd|辞退|欠席/iu;
const RESPONSE_WORDS: ReadonlyArray<readonly [GuestResponse, RegExp]> = [
  // "Not yet responded" first, so it is not read as an answer.
  ['needsAction', AWAITING_WORDS],
  ['declined', DECLINED_WORDS],
  ['tentative', /tentative|maybe|vielleicht|peut-être|quizás|quizas|tal vez|talvez|forse|misschien|未定/iu],
  ['accepted', /accepted|zugesagt|accepté|aceptad|aceit[oa]|aceitou|accettat|geaccepteerd|承諾|出席/iu],
];

// The user's own RSVP buttons ("Going? Yes / No / Maybe"): short words, only ever matched whole.
const RSVP_CHOICES: ReadonlyArray<readonly [GuestResponse, RegExp]> = [
  ['accepted', /^(?:yes|ja|oui|sí|si|sim|sì|はい|出席)$/iu],
  ['declined', /^(?:no|nein|non|não|nao|nee|いいえ|欠席)$/iu],
  ['tentative', /^(?:maybe|vielleicht|peut-être|quizás|tal vez|talvez|forse|misschien|未定)$/iu],
];

/** The answer named by an RSVP button's whole text ("No", "Nein", "いいえ"). */
export function rsvpChoiceFromText(text: string): GuestResponse | undefined {
  const word = text.trim();
  for (const [response, pattern] of RSVP_CHOICES) {
    if (pattern.test(word)) return response;
  }
  return responseFromText(word);
}

/** Maps Calendar's response codes or words to our response, undefined when nothing is recognised. */
export function responseFromText(text: string): GuestResponse | undefined {
  const code = text.trim().toLowerCase();
  // Google's API spellings, as data attributes carry them.
  if (code === 'accepted' || code === 'declined' || code === 'tentative' || code === 'needsaction') {
    return code === 'needsaction' ? 'needsAction' : code;
  }
  for (const [response, pattern] of RESPONSE_WORDS) {
    if (pattern.test(text)) return response;
  }
  return undefined;
}

/** `responseFromText(text) === 'declined'`, in at most two tests (chip lines hold several segments). */
export function isDeclinedText(text: string): boolean {
  return DECLINED_WORDS.test(text) && !AWAITING_WORDS.test(text);
}

const ORGANIZER_WORDS = /organi[sz]er|organisator|organisateur|organizador|organizzatore|主催者/iu;

export function mentionsOrganizer(text: string): boolean {
  return ORGANIZER_WORDS.test(text);
}

// Titles of events cancelled by the organizer, as mail clients and Calendar prefix them.
const CANCELLED_TITLE =
  /^(?:cancell?ed|abgesagt|annulé|annule|cancelad[oa]|annullat[oa]|geannuleerd|キャンセル(?:済み)?)\s*[:：]/iu;

export function isCancelledTitle(title: string): boolean {
  return CANCELLED_TITLE.test(title.trim());
}
