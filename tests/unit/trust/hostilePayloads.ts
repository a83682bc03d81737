/**
 * Text a calendar invite (title, description, guest name, location) can carry when someone else wrote
 * it. Each must show as the same text everywhere and never run, open a link or end a field early.
 * Every script payload sets `window.__pwned`, so a test can tell whether anything ran.
 */
export const HOSTILE_TEXT = {
  imgOnerror: '<img src=x onerror=window.__pwned=1>',
  scriptTag: '<script>window.__pwned=1</script>',
  javascriptLink: '[open the agenda](javascript:window.__pwned=1)',
  javascriptUrl: 'javascript:window.__pwned=1',
  closeTextarea: '</textarea><img src=x onerror=window.__pwned=1>',
  htmlComment: '<!-- <svg onload=window.__pwned=1> -->',
  markdownImage: '![x](javascript:window.__pwned=1)',
  markdownBlocks: '# Heading\n---\n```js\nwindow.__pwned=1\n```\n> quote\n1. list',
  entities: '&lt;script&gt; &amp; &#60;b&#62;',
  rightToLeft: '\u202Eexe.gnirotnem\u202C مرحبا بالمرشد שלום',
  emoji: '👩‍💻 🚀 🏳️‍🌈 👍🏽',
  zeroWidth: 'zero\u200Bwidth\u200Cjoin\u200Dmark\uFEFFbom',
} as const;

/** A description of about 1 MB (Calendar allows long descriptions; a pasted log or document can be this big). */
export function megabyteDescription(): string {
  const line = `Agenda ${HOSTILE_TEXT.imgOnerror} ${HOSTILE_TEXT.rightToLeft} ${HOSTILE_TEXT.emoji}\n`;
  return line.repeat(Math.ceil(1_048_576 / line.length));
}
