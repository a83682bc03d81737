import { type ChipIds, ChipPrefilter } from '@/lib/detect/chipPrefilter';
import { sendMessage } from '@/lib/messaging/sendMessage';

/**
 * The page's copy of the chip prefilter (lib/detect/chipPrefilter.ts), asked of the background. Until
 * its first answer arrives, and after asking failed, every chip is admitted: a chip may then be
 * reported when it need not be, but is never skipped when it must not be.
 */
export class ChipPrefilterState {
  private current: ChipPrefilter | null = null;
  private loadsStarted = 0;
  /**
   * Events learnt while a request is on its way, which its answer may lack. The background held each
   * event before it answered the report that taught it, so an answer to a later request includes it.
   */
  private learntSinceRequest: ChipIds[] | null = null;

  /** Asks the background for the keyword literals and known events; the latest request wins. */
  async load(): Promise<void> {
    const load = ++this.loadsStarted;
    this.learntSinceRequest = [];
    try {
      const inputs = await sendMessage({ type: 'calendar/chip-prefilter' });
      if (load !== this.loadsStarted) return;
      const next = new ChipPrefilter(inputs);
      for (const ids of this.learntSinceRequest ?? []) next.learn(ids);
      this.current = next;
      this.learntSinceRequest = null;
    } catch (error) {
      if (load === this.loadsStarted) {
        this.current = null;
        this.learntSinceRequest = null;
      }
      throw error;
    }
  }

  /** An event the background now holds (a mentoring verdict, the user's mark): its chips always pass. */
  learn(ids: ChipIds): void {
    this.learntSinceRequest?.push(ids);
    this.current?.learn(ids);
  }

  /** Whether an answer is in, so that chips are sorted; until then every chip is admitted. */
  get sorting(): boolean {
    return this.current !== null;
  }

  admits(ids: ChipIds, title: string): boolean {
    return this.current?.admits(ids, title) ?? true;
  }
}
