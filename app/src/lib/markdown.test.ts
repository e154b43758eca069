import { describe, expect, test } from 'vitest';
import { escapeHtml, renderMarkdown, tabRowsToTables } from './markdown.ts';

/** True when the HTML holds a live tag of that name (not escaped text). */
function hasTag(html: string, name: string): boolean {
  return new RegExp(`<${name}[\\s>/]`, 'iu').test(html);
}

/** Every attribute name written into a live tag of the HTML. */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const [, attributes = ''] of html.matchAll(/<[a-z][a-z0-9]*(\s[^>]*)?>/giu))
    for (const [, name = ''] of attributes.matchAll(/\s([^\s=/>]+)\s*=/gu))
      names.push(name.toLowerCase());
  return names;
}

describe('escapeHtml', () => {
  test('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  test('escapes an ampersand only once', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('renderMarkdown: raw HTML', () => {
  test('escapes a <script> block and shows it as text', () => {
    const html = renderMarkdown('<script>alert("x")</script>');
    expect(hasTag(html, 'script')).toBe(false);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  test('escapes a <script> inside a paragraph', () => {
    const html = renderMarkdown('Før <script>alert(1)</script> efter');
    expect(hasTag(html, 'script')).toBe(false);
    expect(html).toBe('<p>Før &lt;script&gt;alert(1)&lt;/script&gt; efter</p>\n');
  });

  test('escapes <img onerror> as a block and inline', () => {
    for (const text of [
      '<img src=x onerror="alert(1)">',
      'Se <img src="x" onerror="alert(1)"> her',
    ]) {
      const html = renderMarkdown(text);
      expect(hasTag(html, 'img')).toBe(false);
      expect(html).toContain('&lt;img');
      expect(attributeNames(html)).not.toContain('onerror');
    }
  });

  test('escapes other elements, comments and HTML links', () => {
    for (const text of [
      '<iframe src="https://evil.example"></iframe>',
      '<div onclick="alert(1)">\n*tekst*\n</div>',
      '<svg onload="alert(1)"></svg>',
      'Et <a href="javascript:alert(1)">link</a>',
      '<!-- skjult -->',
    ]) {
      const html = renderMarkdown(text);
      expect(html).not.toMatch(/<(?:iframe|div|svg|a|!--)/iu);
      expect(html).toContain('&lt;');
    }
  });

  test('escapes raw HTML inside a table cell', () => {
    const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | <img src=x onerror=alert(1)> |');
    expect(hasTag(html, 'table')).toBe(true);
    expect(hasTag(html, 'img')).toBe(false);
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
  });

  test('keeps bare <b>, <strong>, <i>, <em> and <br> as formatting', () => {
    expect(
      renderMarkdown('<b>Fed</b>, <strong>stærk</strong>, <i>kursiv</i>, <EM>em</EM><br/>ny'),
    ).toBe('<p><b>Fed</b>, <strong>stærk</strong>, <i>kursiv</i>, <em>em</em><br>ny</p>\n');
  });

  test('escapes formatting tags that carry attributes', () => {
    const html = renderMarkdown('<b onmouseover="alert(1)">fed</b> <i style="x">k</i>');
    expect(attributeNames(html)).toEqual([]);
    expect(html).toContain('&lt;b onmouseover=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('&lt;i style=&quot;x&quot;&gt;');
  });

  test('escapes code and keeps it as code', () => {
    expect(renderMarkdown('`<script>`')).toBe('<p><code>&lt;script&gt;</code></p>\n');
  });
});

describe('renderMarkdown: links and images', () => {
  test('keeps http, https and mailto links, with rel and an escaped title', () => {
    expect(renderMarkdown('[KK](https://kk.dk "Om \\"KK\\"")')).toBe(
      '<p><a href="https://kk.dk" title="Om &quot;KK&quot;" rel="noopener noreferrer">KK</a></p>\n',
    );
    expect(renderMarkdown('[side](http://example.dk/?a=1&b=2)')).toContain(
      'href="http://example.dk/?a=1&amp;b=2"',
    );
    expect(renderMarkdown('[skriv](mailto:post@kk.dk)')).toContain('href="mailto:post@kk.dk"');
  });

  test('drops javascript:, data: and other links but keeps their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      const html = renderMarkdown(`[klik](${href})`);
      expect(html).toBe('<p>klik</p>\n');
    }
  });

  test('drops an unsafe autolink', () => {
    const html = renderMarkdown('<javascript:alert(1)>');
    expect(hasTag(html, 'a')).toBe(false);
  });

  test('turns images into plain links, or only their text when the URL is unsafe', () => {
    expect(renderMarkdown('![Kort](https://kk.dk/kort.png)')).toBe(
      '<p><a href="https://kk.dk/kort.png" rel="noopener noreferrer">Kort</a></p>\n',
    );
    expect(renderMarkdown('![](https://kk.dk/kort.png)')).toContain('>https://kk.dk/kort.png</a>');
    const unsafe = renderMarkdown('![ond](javascript:alert(1))');
    expect(hasTag(unsafe, 'img')).toBe(false);
    expect(hasTag(unsafe, 'a')).toBe(false);
    expect(unsafe).toBe('<p>ond</p>\n');
  });
});

describe('renderMarkdown: Markdown', () => {
  test('renders a GFM table as <table>', () => {
    const html = renderMarkdown('| Navn | Rolle |\n|------|-------|\n| Anna | Chef |');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<th>Navn<\/th>\s*<th>Rolle<\/th>/u);
    expect(html).toMatch(/<td>Anna<\/td>\s*<td>Chef<\/td>/u);
  });

  test('renders tab-separated lines as a table', () => {
    const html = renderMarkdown('Navn\tRolle\nAnna\tChef');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<th>Navn<\/th>\s*<th>Rolle<\/th>/u);
    expect(html).toMatch(/<td>Anna<\/td>\s*<td>Chef<\/td>/u);
  });

  test('renders emphasis, lists and paragraphs, without turning single newlines into <br>', () => {
    expect(renderMarkdown('**fed** og *kursiv*\nsamme afsnit\n\n- et\n- to')).toBe(
      '<p><strong>fed</strong> og <em>kursiv</em>\nsamme afsnit</p>\n<ul>\n<li>et</li>\n<li>to</li>\n</ul>\n',
    );
  });
});

describe('tabRowsToTables', () => {
  test('makes a GFM table of a run of tab-separated lines, the first row as header', () => {
    expect(tabRowsToTables('Før\nA\tB\n1\t2\nEfter')).toBe(
      'Før\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\nEfter',
    );
  });

  test('ends the table at the first line without a tab', () => {
    expect(tabRowsToTables('A\tB\tC\n1')).toBe('\n| A | B | C |\n| --- | --- | --- |\n\n1');
  });

  test('pads short rows to the widest row', () => {
    expect(tabRowsToTables('A\tB\tC\n1\t2')).toBe(
      '\n| A | B | C |\n| --- | --- | --- |\n| 1 | 2 |  |\n',
    );
  });

  test('makes a table of a single line only when it has three cells or more', () => {
    expect(tabRowsToTables('Navn\tAnna')).toBe('Navn\tAnna');
    expect(tabRowsToTables('A\tB\tC')).toBe('\n| A | B | C |\n| --- | --- | --- |\n');
  });

  test('escapes pipes inside cells and trims the cells', () => {
    expect(tabRowsToTables(' a|b \t c \nd\te\t')).toBe(
      '\n| a\\|b | c |\n| --- | --- |\n| d | e |\n',
    );
  });

  test('leaves list items with tabs alone', () => {
    const text = '- punkt\tet\n1. punkt\tto';
    expect(tabRowsToTables(text)).toBe(text);
  });

  test('reads Windows line endings', () => {
    expect(tabRowsToTables('A\tB\r\n1\t2')).toBe('\n| A | B |\n| --- | --- |\n| 1 | 2 |\n');
  });

  test('leaves text without tabs unchanged', () => {
    const text = 'Et afsnit\n\nEt andet | med pipe';
    expect(tabRowsToTables(text)).toBe(text);
  });
});
