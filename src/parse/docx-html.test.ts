import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToSourceText, normalizeLine } from './docx-html.ts';
import { marker } from './docx-numbering.ts';

describe('htmlToSourceText', () => {
  it('writes headings with # marks and drops anchors and inline markup', () => {
    const html =
      '<a id="x"></a><h1>REFERAT Chefforum</h1><a id="y"></a><h2><strong>Punkt 1: CF - Evt.</strong></h2>' +
      '<h3><em>Beslutning</em></h3><h6>Sjette</h6><p><strong>Mødedato</strong> Torsdag</p>';
    expect(htmlToSourceText(html)).toBe(
      '# REFERAT Chefforum\n\n## Punkt 1: CF - Evt.\n\n### Beslutning\n\n###### Sjette\n\nMødedato Torsdag',
    );
  });

  it('decodes entities', () => {
    expect(
      htmlToSourceText(
        '<p>Økonomi &amp; Stab &lt;b&gt; &quot;x&quot; &#39;y&#39; &#230;&#xF8;</p>',
      ),
    ).toBe('Økonomi & Stab <b> "x" \'y\' æø');
    expect(decodeEntities('&unknown; &amp;amp;')).toBe('&unknown; &amp;');
    expect(decodeEntities('&#xD800;&#1114112;')).toBe('');
  });

  it('keeps a paragraph on one line: br, tabs and space runs become one space', () => {
    expect(htmlToSourceText('<p>Fraværende: A (x)<br />B (y)</p><p>a\tb    c</p>')).toBe(
      'Fraværende: A (x) B (y)\n\na b c',
    );
  });

  it('normalizes NFC, non-breaking spaces and curly quotes', () => {
    const decomposed = 'a\u030agade'; // å as a + combining ring
    expect(normalizeLine(`${decomposed}\u00a0“rigtige” „netværk“ ‘x’ l\u00adang`)).toBe(
      'ågade "rigtige" "netværk" \'x\' lang',
    );
  });

  it('drops images, empty paragraphs and footnote back-links', () => {
    const html =
      '<p><img src="" /></p><p>   </p><p>Tekst<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      '<ol><li id="footnote-1"><p>Note <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(htmlToSourceText(html)).toBe('Tekst[1]\n\n1. Note');
  });

  it('writes bullets, numbers, nested lists and multi-paragraph items', () => {
    const html =
      '<p>Intro</p><ul><li>De fire boligområder:<ul><li>Nord</li><li>Blokland<ol><li>dybt</li></ol></li></ul></li>' +
      '<li><p>To</p><p>afsnit</p></li></ul><ol start="3"><li>tre</li><li>fire</li></ol><ol><li>en</li></ol>';
    expect(htmlToSourceText(html)).toBe(
      'Intro\n\n- De fire boligområder:\n  - Nord\n  - Blokland\n    1. dybt\n- To afsnit\n\n3. tre\n4. fire\n\n1. en',
    );
  });

  it('uses Word list labels put in by the reader', () => {
    const four = marker({ level: '0', ordered: true, number: 4, label: '4.' });
    const five = marker({ level: '0', ordered: true, number: 5, label: '5.' });
    const heading = marker({ level: '0', ordered: true, number: 3, label: 'Punkt 3:' });
    const html = `<ol><li>${four}udkast</li><li>${five}<strong>videre</strong></li><li>uden</li></ol><h2>${heading}Evt.</h2>`;
    expect(htmlToSourceText(html)).toBe('4. udkast\n5. videre\n6. uden\n\n## Punkt 3: Evt.');
  });

  it('writes a table as tab-separated rows with a blank line around it', () => {
    const html =
      '<p>Før</p><table><thead><tr><th>(mio kr.)</th><th colspan="2">2017</th><th colspan="2">2018</th></tr></thead>' +
      '<tbody><tr><td></td><td><p>Min.</p></td><td>Max.</td><td>Min.</td><td>Max.</td></tr>' +
      '<tr><td rowspan="2">Difference</td><td>0</td><td>0</td><td>-0,511</td><td>-0,511</td></tr>' +
      '<tr><td>1</td><td>2</td><td>3</td><td><p>a</p><p>b\tc</p></td></tr></tbody></table><p>Efter</p>';
    expect(htmlToSourceText(html)).toBe(
      [
        'Før',
        '',
        '(mio kr.)\t2017\t\t2018\t',
        '\tMin.\tMax.\tMin.\tMax.',
        'Difference\t0\t0\t-0,511\t-0,511',
        '\t1\t2\t3\ta b c',
        '',
        'Efter',
      ].join('\n'),
    );
  });

  it('keeps the tab count when a rowspan covers the last column', () => {
    const html =
      '<table><tr><td>a</td><td rowspan="2">b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>';
    expect(htmlToSourceText(html)).toBe('a\tb\nc\t\nd\te');
  });

  it('renders a one-column table as the blocks inside it', () => {
    const html =
      '<table><tr><td><p><strong>Bemærk</strong></p><p>Sagen er fortrolig.</p><ul><li>a</li></ul></td></tr>' +
      '<tr><td><p>Mere</p></td></tr></table>';
    expect(htmlToSourceText(html)).toBe('Bemærk\n\nSagen er fortrolig.\n\n- a\n\nMere');
  });

  it('writes a table of labels and text as the sections it lays out', () => {
    const html =
      '<table><tr><td>Sagsnr.</td><td>15/13392</td></tr>' +
      '<tr><td>Indstilling</td><td><p>Direktøren indstiller,</p><ol><li>at sagen godkendes</li></ol></td></tr>' +
      '<tr><td>Beslutning</td><td><p>godkendt.</p></td></tr></table>';
    expect(htmlToSourceText(html)).toBe(
      'Sagsnr.: 15/13392\n\nIndstilling\n\nDirektøren indstiller,\n\n1. at sagen godkendes\n\nBeslutning: godkendt.',
    );
  });

  it('keeps a two-column table of data as rows', () => {
    const html =
      '<table><tr><td>Skole</td><td>12</td></tr><tr><td>Ældre</td><td>7</td></tr></table>';
    expect(htmlToSourceText(html)).toBe('Skole\t12\nÆldre\t7');
  });

  it('survives malformed HTML', () => {
    expect(htmlToSourceText('<p>a < b</p></li><p>c')).toBe('a < b\n\nc');
    expect(htmlToSourceText('')).toBe('');
  });
});
