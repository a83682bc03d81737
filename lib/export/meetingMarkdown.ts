import { format } from 'date-fns';
import type {
  ActionItemRecord,
  MeetingRecord,
  NotesRecord,
  PlanRecord,
  PrepRecord,
  RelationshipRecord,
} from '@/lib/db/records';
import { P_ORDER, phaseLabel, pLabel, QUESTIONS, questionById, roleLabel } from '@/lib/fourps/catalogue';
import type { PKey } from '@/lib/fourps/types';
import { escapeMarkdownBlock, escapeMarkdownInline } from './markdownText';

/** Everything stored about one meeting, as `loadMeetingExport` reads it. */
export interface MeetingExportData {
  meeting: MeetingRecord;
  prep?: PrepRecord;
  notes?: NotesRecord;
  plan?: PlanRecord;
  actionItems: ActionItemRecord[];
  relationship?: RelationshipRecord;
}

const DAY_FORMAT = 'EEE d MMM yyyy';
const TIME_FORMAT = 'HH:mm';

/** Catalogue position of each question, so answers read in the order the prep form asks them. */
const CATALOGUE_ORDER: ReadonlyMap<string, number> = new Map(QUESTIONS.map((q, index) => [q.id, index]));

/** One meeting as a Markdown document: details, the 4 Ps prep, notes, plan and action items. */
export function meetingToMarkdown(data: MeetingExportData): string {
  return `${renderMeeting(data, 1, true).join('\n\n')}\n`;
}

/**
 * A whole relationship as one document: its goals, then every meeting, newest first. Meetings go one
 * heading level down so the document keeps a single top-level title.
 */
export function relationshipToMarkdown(
  relationship: RelationshipRecord,
  meetings: MeetingExportData[],
): string {
  const details = [
    `- **My role:** ${roleLabel(relationship.myRole)}`,
    `- **Phase:** ${phaseLabel(relationship.phase)}`,
  ];
  if (relationship.partnerEmails.length > 0) {
    details.push(`- **E-mail:** ${relationship.partnerEmails.map(escapeMarkdownInline).join(', ')}`);
  }
  if (relationship.archived) details.push('- **Archived**');
  const blocks = [
    `# Mentoring with ${escapeMarkdownInline(relationship.partnerName) || 'an unnamed partner'}`,
    details.join('\n'),
  ];
  if (relationship.learningGoals.trim() !== '') {
    blocks.push('## Learning goals', escapeMarkdownBlock(relationship.learningGoals));
  }
  const newestFirst = [...meetings].sort((a, b) => (b.meeting.start ?? 0) - (a.meeting.start ?? 0));
  if (newestFirst.length === 0) blocks.push('_No meetings yet._');
  for (const data of newestFirst) blocks.push(...renderMeeting({ ...data, relationship }, 2, false));
  return `${blocks.join('\n\n')}\n`;
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

function renderMeeting(data: MeetingExportData, level: number, showRelationship: boolean): string[] {
  const { meeting } = data;
  const title = escapeMarkdownInline(meeting.title) || 'Untitled meeting';
  const blocks = [heading(level, title), renderDetails(data, showRelationship)];
  const sections = [
    ...renderPrep(data.prep, level + 1),
    ...renderNotes(data.notes, level + 1),
    ...renderPlan(data.plan, level + 1),
    ...renderActionItems(data.actionItems, data.relationship, level + 1),
  ];
  blocks.push(...(sections.length > 0 ? sections : ['_No prep, notes or plan yet._']));
  return blocks;
}

function renderDetails(
  { meeting, relationship, prep }: MeetingExportData,
  showRelationship: boolean,
): string {
  const lines = [`- **When:** ${describeWhen(meeting)}`];
  if (showRelationship && relationship) {
    const role = prep?.role ?? relationship.myRole;
    lines.push(
      `- **With:** ${escapeMarkdownInline(relationship.partnerName)} (I am the ${role}; ${phaseLabel(relationship.phase).toLowerCase()})`,
    );
  }
  if (meeting.location) lines.push(`- **Where:** ${escapeMarkdownInline(meeting.location)}`);
  if (meeting.cancelled) lines.push('- **Cancelled**');
  return lines.join('\n');
}

function describeWhen(meeting: MeetingRecord): string {
  if (meeting.start === undefined) return 'date not known';
  const day = format(meeting.start, DAY_FORMAT);
  if (meeting.allDay) return `${day} (all day)`;
  const start = format(meeting.start, TIME_FORMAT);
  if (meeting.end === undefined) return `${day}, ${start}`;
  const sameDay = format(meeting.end, DAY_FORMAT) === day;
  return `${day}, ${start}–${sameDay ? format(meeting.end, TIME_FORMAT) : format(meeting.end, `${DAY_FORMAT}, ${TIME_FORMAT}`)}`;
}

function renderPrep(prep: PrepRecord | undefined, level: number): string[] {
  if (!prep) return [];
  const byP = new Map<PKey | 'unknown', Array<[string, string]>>();
  const answered = Object.entries(prep.answers)
    .filter(([, answer]) => answer.trim() !== '')
    .sort(([a], [b]) => (CATALOGUE_ORDER.get(a) ?? Infinity) - (CATALOGUE_ORDER.get(b) ?? Infinity));
  for (const [questionId, answer] of answered) {
    const p = questionById(questionId)?.p ?? 'unknown';
    byP.set(p, [...(byP.get(p) ?? []), [questionId, answer]]);
  }
  const blocks: string[] = [];
  for (const p of [...P_ORDER, 'unknown'] as const) {
    const answers = byP.get(p);
    if (!answers) continue;
    blocks.push(heading(level + 1, p === 'unknown' ? 'Other answers' : pLabel(p, 'before')));
    for (const [questionId, answer] of answers) {
      blocks.push(`**${questionLabel(questionId)}**`, escapeMarkdownBlock(answer));
    }
  }
  const questions = prep.questionsToBring.filter((q) => q.text.trim() !== '');
  if (questions.length > 0) {
    blocks.push(
      heading(level + 1, 'Questions to bring'),
      questions
        .map((q) => `- [${q.askedAt === undefined ? ' ' : 'x'}] ${escapeMarkdownInline(q.text)}`)
        .join('\n'),
    );
  }
  return blocks.length > 0 ? [heading(level, `Prep (as ${prep.role})`), ...blocks] : [];
}

/** The catalogue's wording; a question no longer in the catalogue still shows, under its id. */
function questionLabel(questionId: string): string {
  const question = questionById(questionId);
  return question ? escapeMarkdownInline(question.text) : `Question “${escapeMarkdownInline(questionId)}”`;
}

function renderNotes(notes: NotesRecord | undefined, level: number): string[] {
  if (!notes) return [];
  const blocks: string[] = [];
  if (notes.text.trim() !== '') blocks.push(escapeMarkdownBlock(notes.text));
  if (notes.feedbackHeard.trim() !== '') {
    blocks.push(heading(level + 1, 'Feedback heard'), escapeMarkdownBlock(notes.feedbackHeard));
  }
  return blocks.length > 0 ? [heading(level, 'Notes'), ...blocks] : [];
}

const PLAN_FIELDS = [
  ['menteeNeeds', 'What the mentee needs'],
  ['accountability', 'Keeping on track'],
  ['learned', 'What I learned'],
  ['feedback', 'Feedback given or received'],
] as const satisfies ReadonlyArray<readonly [keyof PlanRecord, string]>;

function renderPlan(plan: PlanRecord | undefined, level: number): string[] {
  if (!plan) return [];
  const blocks: string[] = [];
  for (const [field, label] of PLAN_FIELDS) {
    if (plan[field].trim() !== '') blocks.push(`**${label}**`, escapeMarkdownBlock(plan[field]));
  }
  const nextDate = plan.nextMeetingDate === undefined ? '' : format(plan.nextMeetingDate, DAY_FORMAT);
  const nextGoal = escapeMarkdownInline(plan.nextMeetingGoal);
  if (nextDate || nextGoal) {
    blocks.push(`**Next meeting:** ${[nextDate, nextGoal].filter((part) => part !== '').join(' — ')}`);
  }
  const checklist = Object.entries(plan.checked).sort(
    ([a], [b]) => (CATALOGUE_ORDER.get(a) ?? Infinity) - (CATALOGUE_ORDER.get(b) ?? Infinity),
  );
  if (checklist.length > 0) {
    blocks.push(
      heading(level + 1, 'Checklist'),
      checklist
        .map(([questionId, done]) => `- [${done ? 'x' : ' '}] ${questionLabel(questionId)}`)
        .join('\n'),
    );
  }
  if (plan.doneAt !== undefined) blocks.push(`_Plan completed ${format(plan.doneAt, DAY_FORMAT)}._`);
  return blocks.length > 0 ? [heading(level, 'Plan'), ...blocks] : [];
}

function renderActionItems(
  items: ActionItemRecord[],
  relationship: RelationshipRecord | undefined,
  level: number,
): string[] {
  if (items.length === 0) return [];
  // Open items first, each group by due date (undated last), as a to-do list reads.
  const ordered = [...items].sort(
    (a, b) =>
      Number(a.doneAt !== 0) - Number(b.doneAt !== 0) ||
      (a.due || Infinity) - (b.due || Infinity) ||
      a.createdAt - b.createdAt,
  );
  const partner = relationship ? escapeMarkdownInline(relationship.partnerName) : '';
  const lines = ordered.map((item) => {
    const owner = item.owner === 'me' ? 'me' : partner || 'partner';
    const details = [`owner: ${owner}`];
    if (item.due !== 0) details.push(`due ${format(item.due, DAY_FORMAT)}`);
    if (item.doneAt !== 0) details.push(`done ${format(item.doneAt, DAY_FORMAT)}`);
    return `- [${item.doneAt === 0 ? ' ' : 'x'}] ${escapeMarkdownInline(item.text)} (${details.join(', ')})`;
  });
  return [heading(level, 'Action items'), lines.join('\n')];
}
