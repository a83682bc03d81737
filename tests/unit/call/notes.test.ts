import { beforeEach, describe, expect, it } from 'vitest';
import { getNotes, saveNotesField } from '@/lib/db/notes';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('saveNotesField', () => {
  it('creates the notes on the first keystroke and keeps each field', async () => {
    expect(await saveNotesField('m1', 'text', 'Sam wants to lead the Q3 launch', 100)).toBe(true);
    expect(await saveNotesField('m1', 'feedbackHeard', 'My updates are too long', 200)).toBe(true);
    expect(await getNotes('m1')).toMatchObject({
      text: 'Sam wants to lead the Q3 launch',
      feedbackHeard: 'My updates are too long',
      updatedAt: 200,
    });
  });

  it('never overwrites newer text with a late save of older text (another view, a late flush)', async () => {
    await saveNotesField('m1', 'text', 'newer, from the side panel', 300);
    expect(await saveNotesField('m1', 'text', 'older, from a tab', 200)).toBe(false);
    expect((await getNotes('m1'))?.text).toBe('newer, from the side panel');
  });

  it('judges each field by its own time: typing in one never blocks the other', async () => {
    await saveNotesField('m1', 'feedbackHeard', 'typed second', 300);
    expect(await saveNotesField('m1', 'text', 'typed first, saved late', 200)).toBe(true);
    expect(await getNotes('m1')).toMatchObject({
      text: 'typed first, saved late',
      feedbackHeard: 'typed second',
    });
  });
});
