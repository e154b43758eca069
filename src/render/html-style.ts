/**
 * The page's one style sheet, inlined so that the file is self-contained. Colours keep a
 * contrast of at least 7:1 (WCAG AAA for text); sizes are in rem so that the reader's own
 * font size wins; print starts every item on a new page, as the house layout does.
 */
export const htmlStyleSheet = `
:root {
  color-scheme: light;
  --tekst: #1a1a1a;
  --svag: #4a4a4a;
  --link: #0b4a82;
  --linje: #8c8c8c;
  --flade: #f3f4f6;
  --fokus: #b34700;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto;
  max-width: 48rem;
  padding: 1.5rem 1rem 4rem;
  color: var(--tekst);
  background: #fff;
  font-family: "Source Sans 3", "Source Sans Pro", "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.55;
  overflow-wrap: break-word;
  hyphens: auto;
}
h1, h2, h3, h4, h5, h6 { line-height: 1.25; overflow-wrap: anywhere; hyphens: manual; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 0.5rem; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 0.25rem; }
h5, h6 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
h6 { font-style: italic; }
p, ul, ol, dl, blockquote, pre, .tabel { margin: 0 0 0.85rem; }
ul, ol { padding-left: 1.5rem; }
li > ul, li > ol { margin: 0.25rem 0; }
li + li { margin-top: 0.2rem; }
a { color: var(--link); text-decoration-thickness: 0.08em; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--fokus); outline-offset: 2px; }
.spring {
  position: absolute;
  left: 0.5rem;
  top: -4rem;
  padding: 0.5rem 1rem;
  background: #fff;
  border: 2px solid var(--link);
  z-index: 1;
}
.spring:focus { top: 0.5rem; }
header { border-bottom: 2px solid var(--tekst); margin-bottom: 1.5rem; }
.fakta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.fakta div { display: contents; }
.fakta dt { font-weight: 700; }
.fakta dd { margin: 0; }
.fakta dd + dd { grid-column: 2; }
nav h2 { margin-top: 0; }
nav ol { padding-left: 1.75rem; }
article { border-top: 1px solid var(--linje); margin-top: 2.5rem; }
article > h2 { margin-top: 1.5rem; }
.journalnummer, .note { color: var(--svag); margin: 0 0 0.35rem; font-variant-numeric: tabular-nums; }
.tom { font-style: italic; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
code { background: var(--flade); padding: 0.05em 0.3em; border-radius: 3px; }
pre { background: var(--flade); padding: 0.75rem 1rem; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 4px solid var(--linje); color: var(--svag); }
hr { border: 0; border-top: 1px solid var(--linje); margin: 1.5rem 0; }
.tabel { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--linje); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--flade); }
@media (max-width: 30rem) {
  body { font-size: 1rem; padding: 1rem 0.75rem 3rem; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.25rem; }
  .fakta { grid-template-columns: 1fr; gap: 0; }
  .fakta dd { margin-bottom: 0.35rem; }
  .fakta dd + dd { grid-column: auto; }
}
@media print {
  @page { margin: 2cm 2cm 2.5cm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .spring { display: none; }
  a { color: inherit; text-decoration: none; }
  main a[href^="http"]::after, main a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
  article { border-top: 0; margin-top: 0; break-before: page; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  tr, pre, blockquote { break-inside: avoid; }
  .tabel { overflow: visible; }
  pre { white-space: pre-wrap; }
}
`;
