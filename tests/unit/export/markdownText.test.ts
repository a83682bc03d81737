import { describe, expect, it } from 'vitest';
import { escapeMarkdownBlock, escapeMarkdownInline } from '@/lib/export/markdownText';

describe('escapeMarkdownInline', () => {
  it('leaves ordinary text, unicode, emoji and right-to-left text as they are', () => {
    expect(escapeMarkdownInline('Café talk 🚀 with ليلى, 山田')).toBe('Café talk 🚀 with ليلى, 山田');
  });

  it('keeps a leading "#" from making a heading', () => {
    expect(escapeMarkdownInline('# Hacked title')).toBe('\\# Hacked title');
  });

  it('shows HTML as text', () => {
    expect(escapeMarkdownInline('<img src=x onerror=alert(1)>')).toBe(
      '&lt;img src=x onerror=alert\\(1\\)&gt;',
    );
    expect(escapeMarkdownInline('<!-- hide -->')).toBe('&lt;\\!-- hide --&gt;');
  });

  it('keeps backticks, links, images and emphasis from forming', () => {
    expect(escapeMarkdownInline('`code` [link](javascript:alert(1)) ![i](x) *b* _i_ ~~s~~ | t |')).toBe(
      '\\`code\\` \\[link\\]\\(javascript:alert\\(1\\)\\) \\!\\[i\\]\\(x\\) \\*b\\* \\_i\\_ \\~\\~s\\~\\~ \\| t \\|',
    );
  });

  it('escapes a backslash and an ampersand so neither can build an escape or an entity', () => {
    expect(escapeMarkdownInline('a\\*b &lt; Q&A')).toBe('a\\\\\\*b \\&lt; Q\\&A');
  });

  it('keeps list markers and setext underlines at the start from taking effect', () => {
    expect(escapeMarkdownInline('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdownInline('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdownInline('2) not a list')).toBe('2\\) not a list');
    expect(escapeMarkdownInline('+ plus')).toBe('\\+ plus');
    expect(escapeMarkdownInline('===')).toBe('\\===');
    expect(escapeMarkdownInline('> quote')).toBe('&gt; quote');
  });

  it('puts a multi-line value on one line and drops control characters', () => {
    expect(escapeMarkdownInline('line one\n# line two\r\nthree\u0007')).toBe('line one \\# line two three');
  });
});

describe('escapeMarkdownBlock', () => {
  it('keeps paragraphs and line breaks, escaping each line', () => {
    expect(escapeMarkdownBlock('First line\n# not a heading\n\n\n- not a list')).toBe(
      'First line\\\n\\# not a heading\n\n\\- not a list',
    );
  });

  it('keeps indentation visible without making a code block', () => {
    expect(escapeMarkdownBlock('    indented code?')).toBe('\u00A0\u00A0\u00A0\u00A0indented code?');
  });

  it('cannot open a fenced code block that swallows the rest of the document', () => {
    expect(escapeMarkdownBlock('```\nrest')).toBe('\\`\\`\\`\\\nrest');
    expect(escapeMarkdownBlock('~~~')).toBe('\\~\\~\\~');
  });

  it('keeps a trailing backslash from merging with the hard break', () => {
    expect(escapeMarkdownBlock('C:\\\nnext')).toBe('C:\\\\\\\nnext');
  });
});
