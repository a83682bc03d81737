import type { ChipFields } from '@/lib/gcal/chipFields';
import { RecentMap } from '@/lib/gcal/recentValues';
import type { EventVerdict } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { sendMessage } from '@/lib/messaging/sendMessage';

/** How many distinct chips the page remembers at least (at most twice as many); see VerdictCache. */
const MAX_REMEMBERED_CHIPS = 1_000;

/** One chip's report: on its way (`sent`), then answered (`verdict`, null when it named no event). */
interface Report {
  verdict?: EventVerdict | null;
  sent?: Promise<void>;
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max));

/** The chip's strings cut to what a message may carry, so one long label cannot get a batch refused. */
function fitForMessage(chip: ChipFields): ChipFields {
  const short = MESSAGE_LIMITS.shortText;
  const fits = (text: string | undefined) => text === undefined || text.length <= short;
  // Nearly every chip fits as it is: copy only the rare one that does not.
  if (fits(chip.label) && fits(chip.jslog) && chip.shownTexts.every(fits)) return chip;
  const fitted: ChipFields = {
    label: clip(chip.label, short),
    shownTexts: chip.shownTexts.map((text) => clip(text, short)),
  };
  if (chip.encodedId !== undefined) fitted.encodedId = chip.encodedId;
  if (chip.jslog !== undefined) fitted.jslog = clip(chip.jslog, short);
  if (chip.dateKey !== undefined) fitted.dateKey = chip.dateKey;
  return fitted;
}

/** One string per distinct chip: a chip Calendar draws again with the same strings is the same report. */
function keyOf(chip: ChipFields): string {
  return `${chip.encodedId ?? ''}\u0001${chip.jslog ?? ''}\u0001${chip.dateKey ?? ''}\u0001${chip.label}\u0001${chip.shownTexts.join('\u0002')}`;
}

/**
 * Reports the chips on screen to the background, which parses them, and remembers its verdicts for
 * this page: a chip drawn again unchanged (Calendar redraws chips often) costs one lookup, no message.
 * Verdicts also go to `remember`, so a details dialog opened from a chip gets its button at once.
 */
export class ChipReports {
  private readonly reports = new RecentMap<string, Report>(MAX_REMEMBERED_CHIPS);

  constructor(private readonly remember: (verdicts: readonly EventVerdict[]) => void) {}

  /** Each chip's verdict, in order (undefined where there is none); sends only chips not seen as they are. */
  async report(chips: readonly ChipFields[]): Promise<(EventVerdict | undefined)[]> {
    // One lookup per chip: the entries found or made here are the ones read once the answers are in.
    const entries: (Report | undefined)[] = [];
    const fresh: { chip: ChipFields; key: string; entry: Report }[] = [];
    for (const chip of chips) {
      // An id longer than any real Calendar id would get the whole batch refused: leave that chip out.
      if ((chip.encodedId?.length ?? 0) > MESSAGE_LIMITS.id) {
        entries.push(undefined);
        continue;
      }
      const key = keyOf(chip);
      let entry = this.reports.get(key);
      if (!entry) {
        entry = {};
        this.reports.set(key, entry);
        fresh.push({ chip, key, entry });
      }
      entries.push(entry);
    }
    for (let start = 0; start < fresh.length; start += MESSAGE_LIMITS.eventsPerMessage) {
      this.send(fresh.slice(start, start + MESSAGE_LIMITS.eventsPerMessage));
    }
    // Wait for every report these chips are part of, including ones another caller started.
    await Promise.all(new Set(entries.map((entry) => entry?.sent)));
    return entries.map((entry) => entry?.verdict ?? undefined);
  }

  /** Asks again for chips already reported, e.g. after a prep was edited and its status changed. */
  async refresh(chips: readonly ChipFields[]): Promise<(EventVerdict | undefined)[]> {
    for (const chip of chips) this.reports.delete(keyOf(chip));
    return this.report(chips);
  }

  private send(batch: { chip: ChipFields; key: string; entry: Report }[]): void {
    const sent = sendMessage({
      type: 'calendar/chips-seen',
      chips: batch.map(({ chip }) => fitForMessage(chip)),
    }).then(
      ({ verdicts }) => {
        for (const [index, { entry }] of batch.entries()) {
          entry.verdict = verdicts[index] ?? null;
          // Settled: keep only the verdict, not the promise and its closure.
          entry.sent = undefined;
        }
        this.remember(verdicts.filter((verdict) => verdict !== null));
      },
      (error: unknown) => {
        // Forgotten, so the chips are sent again next time (unless a refresh already replaced them).
        for (const { key, entry } of batch) if (this.reports.get(key) === entry) this.reports.delete(key);
        throw error;
      },
    );
    for (const { entry } of batch) entry.sent = sent;
  }
}
