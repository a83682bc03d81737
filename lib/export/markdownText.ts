/**
 * Turns user text into Markdown that renders as that same text and nothing more: a title starting with
 * `#` stays a title's text, `<img onerror=…>` shows as written instead of becoming HTML, backticks and
 * brackets cannot open code or links. Exports end up in note apps and wikis that render HTML, so this
 * is the line between "my notes" and "a script in my notes".
 */

/** Characters with inline meaning anywhere in a line (CommonMark lets any ASCII punctuation be escaped). */
const INLINE_SPECIAL = /[\\`*_{}[\]()#+!|~$&<>]/g;
/** C0 controls other than tab and newline, and DEL: invisible, and some renderers choke on them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const NO_BREAK_SPACE = '\u00A0';

function escapeCharacter(char: string): string {
  // An entity, not a backslash: `\<` is honoured by CommonMark but not by every HTML-passing renderer.
  if (char === '<') return '&lt;';
  if (char === '>') return '&gt;';
  return `\\${char}`;
}

/** One line of user text, so that nothing in it starts or changes a block. */
function escapeLine(line: string): string {
  const body = line.replace(CONTROL_CHARACTERS, '');
  // Leading spaces would make an indented code block or a nested list; no-break spaces keep the look.
  const indent = /^[ \t]*/.exec(body)?.[0] ?? '';
  const visibleIndent = indent.replace(/\t/g, '    ').replace(/ /g, NO_BREAK_SPACE);
  const escaped = body.slice(indent.length).replace(INLINE_SPECIAL, escapeCharacter);
  // What is only special at the start of a line: list bullets, setext underlines, "1." / "1)" lists.
  const safeStart = escaped.replace(/^([-=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return visibleIndent + safeStart;
}

/** For a title, a list item or a label: line breaks become spaces, so the text stays on one line. */
export function escapeMarkdownInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim());
}

/**
 * For free text such as notes and answers: blank lines still separate paragraphs and each line break
 * is kept (a Markdown hard break), since people write lists and steps one per line.
 */
export function escapeMarkdownBlock(text: string): string {
  const paragraphs = text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => escapeLine(line.trimEnd()))
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '');
  return paragraphs.join('\n\n');
}
