import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { getOrCreatePrep, getPrep, prepProgress, savePrepAnswer, setPrepRole } from '@/lib/db/preps';
import { saveDefaultRole } from '@/lib/db/settings';
import { prepQuestions } from '@/lib/fourps/catalogue';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

function firstQuestion(p: string): string {
  const question = prepQuestions('mentee').find((q) => q.p === p);
  if (!question) throw new Error(`no ${p} question`);
  return question.id;
}

describe('preps', () => {
  it('starts a prep in the default role, mentee unless the user chose otherwise', async () => {
    expect((await getOrCreatePrep('m1')).role).toBe('mentee');
    await saveDefaultRole('mentor');
    expect((await getOrCreatePrep('m2')).role).toBe('mentor');
  });

  it('saves answers as typed and keeps each question apart', async () => {
    await savePrepAnswer('m1', firstQuestion('purpose'), 'Get feedback on my talk', 1000);
    await savePrepAnswer('m1', firstQuestion('plan'), 'Agree on a next step', 2000);
    const prep = await getPrep('m1');
    expect(prep?.answers).toEqual({
      [firstQuestion('purpose')]: 'Get feedback on my talk',
      [firstQuestion('plan')]: 'Agree on a next step',
    });
    expect(prep?.updatedAt).toBe(2000);
  });

  it('never lets an older edit overwrite newer text of the same answer', async () => {
    const id = firstQuestion('purpose');
    await savePrepAnswer('m1', id, 'newer text', 2000);
    expect(await savePrepAnswer('m1', id, 'older text', 1000)).toBe(false);
    expect((await getPrep('m1'))?.answers[id]).toBe('newer text');
  });

  it('counts how many of the 4 Ps have an answer', async () => {
    expect(prepProgress(undefined)).toEqual({ answeredPs: 0, status: 'none' });
    await savePrepAnswer('m1', firstQuestion('purpose'), 'x', 1);
    expect(prepProgress(await getPrep('m1'))).toEqual({ answeredPs: 1, status: 'partial' });
    for (const p of ['preparation', 'participation', 'plan'])
      await savePrepAnswer('m1', firstQuestion(p), 'y', 2);
    expect(prepProgress(await getPrep('m1'))).toEqual({ answeredPs: 4, status: 'done' });
    await savePrepAnswer('m1', firstQuestion('plan'), '   ', 3);
    expect(prepProgress(await getPrep('m1')).answeredPs).toBe(3);
  });

  it('switches role without losing answers', async () => {
    await savePrepAnswer('m1', firstQuestion('purpose'), 'kept', 1);
    await setPrepRole('m1', 'mentor');
    const prep = await db.preps.get('m1');
    expect(prep?.role).toBe('mentor');
    expect(prep?.answers[firstQuestion('purpose')]).toBe('kept');
  });
});
