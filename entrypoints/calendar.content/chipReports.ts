import type { ChipFields } from '@/lib/gcal/chipFields';
import { RecentMap } from '@/lib/gcal/recentValues';
import type { EventVerdict } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { sendMessage } from '@/lib/messaging/sendMessage';

/** How many distinct chips the page remembers at least (at most twice as many); see VerdictCache. */
const MAX_REMEMBERED_CHIPS = 1_000;

interface Report {
  /** The background's verdict once it answered; null when the chip named no readable event. */
  verdict?: EventVerdict | null;
  /** The report while it is on its way. */
  sent?: Promise<void>;
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max));

/** The chip's strings cut to what a message may carry, so one long label cannot get a batch refused. */
function fitForMessage(chip: ChipFields): ChipFields {
  const short = MESSAGE_LIMITS.shortText;
  const fitted: ChipFields = {
    label: clip(chip.label, short),
    shownTexts: chip.shownTexts.map((t) => clip(t, short)),
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
    // An id longer than any real Calendar id would get the whole batch refused: leave that chip out.
    const keys = chips.map((chip) =>
      (chip.encodedId?.length ?? 0) <= MESSAGE_LIMITS.id ? keyOf(chip) : undefined,
    );
    const fresh: { chip: ChipFields; key: string }[] = [];
    for (const [index, key] of keys.entries()) {
      if (key !== undefined && !this.reports.has(key)) fresh.push({ chip: chips[index] as ChipFields, key });
    }
    for (let start = 0; start < fresh.length; start += MESSAGE_LIMITS.eventsPerMessage) {
      this.send(fresh.slice(start, start + MESSAGE_LIMITS.eventsPerMessage));
    }
    // Wait for every report these chips are part of, including ones another caller started.
    await Promise.all(
      new Set(keys.map((key) => (key === undefined ? undefined : this.reports.get(key)?.sent))),
    );
    return keys.map((key) => (key === undefined ? undefined : (this.reports.get(key)?.verdict ?? undefined)));
  }

  /** Asks again for chips already reported, e.g. after a prep was edited and its status changed. */
  async refresh(chips: readonly ChipFields[]): Promise<(EventVerdict | undefined)[]> {
    for (const chip of chips) this.reports.delete(keyOf(chip));
    return this.report(chips);
  }

  private send(batch: { chip: ChipFields; key: string }[]): void {
    const sent = sendMessage({
      type: 'calendar/chips-seen',
      chips: batch.map(({ chip }) => fitForMessage(chip)),
    }).then(
      ({ verdicts }) => {
        for (const [index, { key }] of batch.entries()) {
          // Settled: keep only the verdict, not the promise and its closure.
          if (this.reports.get(key)?.sent === sent)
            this.reports.set(key, { verdict: verdicts[index] ?? null });
        }
        this.remember(verdicts.filter((verdict) => verdict !== null));
      },
      (error: unknown) => {
        for (const { key } of batch) if (this.reports.get(key)?.sent === sent) this.reports.delete(key);
        throw error;
      },
    );
    for (const { key } of batch) this.reports.set(key, { sent });
  }
}
