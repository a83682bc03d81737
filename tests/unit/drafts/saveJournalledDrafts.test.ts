import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { savePrepAnswer } from '@/lib/db/preps';
import { allDrafts, writeDraft } from '@/lib/drafts/draftJournal';
import { saveJournalledDrafts } from '@/lib/drafts/saveJournalledDrafts';
import { resetDatabase } from '../resetDatabase';

beforeEach(async () => {
  localStorage.clear();
  await resetDatabase();
});

describe('saveJournalledDrafts', () => {
  it('stores drafts of every kind left by closed pages and empties the journal', async () => {
    writeDraft('prep:gcal:evt1:purpose.why-now', { text: 'prep text', editedAt: 10 });
    writeDraft('notes:gcal:evt1:text', { text: 'notes text', editedAt: 11 });
    writeDraft('plan:gcal:evt1:accountability', { text: 'plan text', editedAt: 12 });
    expect(await saveJournalledDrafts()).toBe(3);
    expect((await db.preps.get('gcal:evt1'))?.answers['purpose.why-now']).toBe('prep text');
    expect((await db.notes.get('gcal:evt1'))?.text).toBe('notes text');
    expect((await db.plans.get('gcal:evt1'))?.accountability).toBe('plan text');
    expect(allDrafts().size).toBe(0);
  });

  it('never lets an old draft overwrite newer stored text', async () => {
    await savePrepAnswer('gcal:evt1', 'purpose.why-now', 'newer', 100);
    writeDraft('prep:gcal:evt1:purpose.why-now', { text: 'older draft', editedAt: 50 });
    await saveJournalledDrafts();
    expect((await db.preps.get('gcal:evt1'))?.answers['purpose.why-now']).toBe('newer');
  });

  it('ignores keys it does not understand', async () => {
    writeDraft('mystery:gcal:evt1:x', { text: 'kept', editedAt: 1 });
    writeDraft('plan:gcal:evt1:notAField', { text: 'kept', editedAt: 1 });
    expect(await saveJournalledDrafts()).toBe(0);
    expect(allDrafts().size).toBe(2);
  });
});
