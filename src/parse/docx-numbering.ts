/**
 * Word list numbering, which mammoth drops.
 *
 * mammoth turns a numbered paragraph into an `<li>` of an `<ol>` but writes no number: a list
 * that starts at 4 ("4. udkast til budgetkatalog"), or that continues after an interrupting
 * paragraph, would come out as "1.". It also drops the number of a numbered heading
 * ("Punkt %1:"). This module replays Word's counters from document.xml, numbering.xml and
 * styles.xml, and hands each numbered paragraph a label.
 *
 * The labels reach the HTML as an invisible marker put in front of the paragraph's text
 * (see MARKER): the HTML walker uses the number for an `<li>` and the formatted label elsewhere.
 * The paragraphs found here are paired one by one with the paragraphs mammoth numbered; when the
 * two lists disagree in length, level or kind, no label is used at all and the walker counts
 * within each `<ol>` as before. Counting wrong is worse than counting simply.
 */

/** One numbered paragraph as Word would show it. */
export interface ParagraphNumber {
  /** The list level, '0'..'8', as mammoth reports it. */
  level: string;
  /** False for bullets: mammoth makes a `<ul>` and no label is needed. */
  ordered: boolean;
  /** The counter at the paragraph's own level. */
  number: number;
  /** The whole label as Word shows it, e.g. `2.1.`, `Punkt 3:`, `b)`; '' when none. */
  label: string;
}

/** Private-use characters that frame a label inside paragraph text; they never reach output. */
export const MARKER_START = '\ue000';
export const MARKER_SEPARATOR = '\ue002';
export const MARKER_END = '\ue001';

/** The marker put in front of a numbered paragraph's text. */
export function marker(numbering: ParagraphNumber): string {
  return `${MARKER_START}${numbering.number}${MARKER_SEPARATOR}${numbering.label}${MARKER_END}`;
}

interface XmlTag {
  name: string;
  /** The text after the name, where the attributes are; read with `attr`. */
  rest: string;
  closing: boolean;
  selfClosing: boolean;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** One attribute of a tag (names here are fixed strings like `w:val`), or undefined. */
function attr(tag: XmlTag, name: string): string | undefined {
  if (!tag.rest.includes(name)) return undefined;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(tag.rest);
  return match ? (match[1] ?? match[2] ?? '') : undefined;
}

/** Finds the `>` that ends the tag opened at `lt`, skipping `>` inside quoted values. */
function tagEnd(xml: string, lt: number): number {
  let from = lt + 1;
  for (;;) {
    const gt = xml.indexOf('>', from);
    if (gt === -1) return -1;
    // Look for a quote only up to this `>`; tags are short, so this stays linear.
    let quote = -1;
    for (let j = from; j < gt; j++) {
      const code = xml.charCodeAt(j);
      if (code === 34 || code === 39) {
        quote = j;
        break;
      }
    }
    if (quote === -1) return gt;
    const close = xml.indexOf(xml.charAt(quote), quote + 1);
    if (close === -1) return -1;
    from = close + 1;
  }
}

/** Yields the tags of an XML document in order; text, comments and CDATA are skipped. */
function* xmlTags(xml: string): Generator<XmlTag> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) return;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return;
      i = end + 3;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt === -1) return;
    i = gt + 1;
    const first = xml.charAt(lt + 1);
    if (first === '?' || first === '!') continue;
    const closing = first === '/';
    const selfClosing = xml.charAt(gt - 1) === '/';
    const body = xml.slice(closing ? lt + 2 : lt + 1, selfClosing ? gt - 1 : gt);
    const space = body.search(/\s/);
    const name = space === -1 ? body : body.slice(0, space);
    yield { name, rest: space === -1 ? '' : body.slice(space), closing, selfClosing };
  }
}

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
  /** 0 = never restart; otherwise restart after an item at a level < restart. */
  restart: number | undefined;
}

interface AbstractNumbering {
  levels: Map<string, LevelDefinition>;
  styleLink: string | undefined;
}

interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<string, number>;
}

interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  instances: Map<string, NumberingInstance>;
  /** Paragraph style id → [abstract id, level], from `w:lvl/w:pStyle` as mammoth uses it. */
  levelByStyle: Map<string, [string, string]>;
}

function intAttr(tag: XmlTag, fallback: number): number {
  const value = Number.parseInt(attr(tag, 'w:val') ?? '', 10);
  return Number.isFinite(value) ? value : fallback;
}

function readNumberingXml(xml: string): NumberingDefinitions {
  const abstracts = new Map<string, AbstractNumbering>();
  const instances = new Map<string, NumberingInstance>();
  const levelByStyle = new Map<string, [string, string]>();
  let abstract: AbstractNumbering | undefined;
  let abstractId = '';
  let level: LevelDefinition | undefined;
  let levelIndex = '';
  let instance: NumberingInstance | undefined;
  let overrideLevel: string | undefined;
  for (const tag of xmlTags(xml)) {
    if (tag.closing) {
      if (tag.name === 'w:abstractNum') abstract = undefined;
      else if (tag.name === 'w:lvl') level = undefined;
      else if (tag.name === 'w:num') instance = undefined;
      else if (tag.name === 'w:lvlOverride') overrideLevel = undefined;
      continue;
    }
    switch (tag.name) {
      case 'w:abstractNum':
        abstractId = attr(tag, 'w:abstractNumId') ?? '';
        abstract = { levels: new Map(), styleLink: undefined };
        abstracts.set(abstractId, abstract);
        break;
      case 'w:lvl':
        if (abstract && !instance) {
          // A level without an index is level 0, as in mammoth.
          levelIndex = attr(tag, 'w:ilvl') ?? '0';
          level = { start: 1, format: 'decimal', text: '', restart: undefined };
          // A later definition of the same level wins, as in mammoth.
          abstract.levels.set(levelIndex, level);
          if (tag.selfClosing) level = undefined;
        }
        break;
      case 'w:start':
        if (level) level.start = intAttr(tag, 1);
        break;
      case 'w:numFmt':
        if (level) level.format = attr(tag, 'w:val') ?? 'decimal';
        break;
      case 'w:lvlText':
        if (level) level.text = attr(tag, 'w:val') ?? '';
        break;
      case 'w:lvlRestart':
        if (level) level.restart = intAttr(tag, 1);
        break;
      case 'w:pStyle':
        if (level && abstract) {
          const style = attr(tag, 'w:val');
          if (style) levelByStyle.set(style, [abstractId, levelIndex]);
        }
        break;
      case 'w:numStyleLink':
        if (abstract) abstract.styleLink = attr(tag, 'w:val');
        break;
      case 'w:num':
        instance = { abstractId: '', startOverrides: new Map() };
        instances.set(attr(tag, 'w:numId') ?? '', instance);
        if (tag.selfClosing) instance = undefined;
        break;
      case 'w:abstractNumId':
        if (instance) instance.abstractId = attr(tag, 'w:val') ?? '';
        break;
      case 'w:lvlOverride':
        overrideLevel = attr(tag, 'w:ilvl') ?? '0';
        break;
      case 'w:startOverride':
        if (instance && overrideLevel !== undefined) {
          instance.startOverrides.set(overrideLevel, intAttr(tag, 1));
        }
        break;
    }
  }
  return { abstracts, instances, levelByStyle };
}

/** Numbering style id → numId, from `w:style w:type="numbering"` in styles.xml. */
function readNumberingStyles(xml: string): Map<string, string> {
  const styles = new Map<string, string>();
  let styleId: string | undefined;
  for (const tag of xmlTags(xml)) {
    if (tag.name === 'w:style') {
      styleId =
        !tag.closing && attr(tag, 'w:type') === 'numbering' ? attr(tag, 'w:styleId') : undefined;
    } else if (tag.name === 'w:numId' && styleId !== undefined && !tag.closing) {
      styles.set(styleId, attr(tag, 'w:val') ?? '');
    }
  }
  return styles;
}

/** Elements through which mammoth reaches a paragraph; a w:p under anything else is ignored. */
const PARAGRAPH_PATH = new Set([
  'w:document',
  'w:body',
  'w:p',
  'w:r',
  'w:hyperlink',
  'w:tbl',
  'w:tr',
  'w:tc',
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:object',
  'w:drawing',
  'w:pict',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'v:group',
  'v:rect',
  'w:txbxContent',
  'mc:AlternateContent',
  'mc:Fallback',
]);

interface ParagraphProperties {
  styleId: string | undefined;
  level: string | undefined;
  numId: string | undefined;
  deleted: boolean;
}

/** The paragraphs mammoth reads, in order, with what decides their numbering. */
function readParagraphs(xml: string): ParagraphProperties[] {
  const paragraphs: ParagraphProperties[] = [];
  const stack: string[] = [];
  /** Paragraphs being read, innermost last, with the stack depth of their w:p. */
  const open: { properties: ParagraphProperties; depth: number }[] = [];
  let blocked = 0;
  for (const tag of xmlTags(xml)) {
    if (tag.closing) {
      const name = stack.pop();
      if (blocked > stack.length) blocked = 0;
      const top = open[open.length - 1];
      if (name === 'w:p' && top && top.depth === stack.length) open.pop();
      continue;
    }
    const depth = stack.length;
    if (!tag.selfClosing) stack.push(tag.name);
    if (blocked) continue;
    const top = open[open.length - 1];
    // Direct properties only: w:p > w:pPr > (w:pStyle | w:numPr > … | w:rPr > w:del).
    if (top && (stack[top.depth + 1] === 'w:pPr' || tag.name === 'w:pPr')) {
      // Inside this paragraph's own properties; `relative` counts w:pPr as 1.
      const relative = depth - top.depth;
      const parent = stack[depth - 1];
      if (relative === 2 && tag.name === 'w:pStyle') {
        top.properties.styleId = attr(tag, 'w:val');
      } else if (relative === 3 && parent === 'w:numPr') {
        if (tag.name === 'w:ilvl') top.properties.level = attr(tag, 'w:val');
        else if (tag.name === 'w:numId') top.properties.numId = attr(tag, 'w:val');
      } else if (relative === 3 && parent === 'w:rPr' && tag.name === 'w:del') {
        top.properties.deleted = true;
      }
      continue;
    }
    if (!PARAGRAPH_PATH.has(tag.name)) {
      if (!tag.selfClosing) blocked = depth + 1;
      continue;
    }
    if (tag.name === 'w:p') {
      const properties: ParagraphProperties = {
        styleId: undefined,
        level: undefined,
        numId: undefined,
        deleted: false,
      };
      paragraphs.push(properties);
      if (!tag.selfClosing) open.push({ properties, depth });
    }
  }
  return paragraphs.filter((paragraph) => !paragraph.deleted);
}

function toRoman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const numerals: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

function toLetters(value: number): string {
  // Word: a..z, then aa..zz, then aaa..zzz.
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return toLetters(value);
    case 'upperLetter':
      return toLetters(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value);
    case 'upperRoman':
      return toRoman(value).toUpperCase();
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/**
 * Replays Word's list counters over document.xml. Returns, in document order, one entry for
 * each paragraph that mammoth will see as numbered (the same rule as mammoth's
 * readNumberingProperties), or undefined when the numbering cannot be followed.
 */
export function computeNumbering(
  documentXml: string,
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): ParagraphNumber[] | undefined {
  if (numberingXml === undefined) return [];
  const definitions = readNumberingXml(numberingXml);
  const numberingStyles = stylesXml === undefined ? new Map() : readNumberingStyles(stylesXml);

  /** numId → final abstract id, following numStyleLink like mammoth does. */
  const resolve = (numId: string): string | undefined => {
    const seen = new Set<string>();
    let current = numId;
    while (!seen.has(current)) {
      seen.add(current);
      const instance = definitions.instances.get(current);
      const abstract = instance && definitions.abstracts.get(instance.abstractId);
      if (!instance || !abstract) return undefined;
      if (abstract.styleLink === undefined) return instance.abstractId;
      const linked = numberingStyles.get(abstract.styleLink);
      if (linked === undefined) return undefined;
      current = linked;
    }
    return undefined;
  };

  const counters = new Map<string, Map<number, number>>();
  const overridden = new Set<string>();
  const result: ParagraphNumber[] = [];
  for (const paragraph of readParagraphs(documentXml)) {
    let abstractId: string | undefined;
    let level: string | undefined;
    let numId: string | undefined;
    if (paragraph.level !== undefined && paragraph.numId !== undefined) {
      abstractId = resolve(paragraph.numId);
      level = paragraph.level;
      numId = paragraph.numId;
    } else {
      const byStyle =
        paragraph.styleId === undefined
          ? undefined
          : definitions.levelByStyle.get(paragraph.styleId);
      if (byStyle) {
        [abstractId, level] = byStyle;
      } else if (paragraph.numId !== undefined) {
        abstractId = resolve(paragraph.numId);
        level = '0';
        numId = paragraph.numId;
      }
    }
    const definition =
      abstractId === undefined || level === undefined
        ? undefined
        : definitions.abstracts.get(abstractId)?.levels.get(level);
    if (abstractId === undefined || level === undefined || definition === undefined) continue;
    const abstract = definitions.abstracts.get(abstractId);
    const levelIndex = Number.parseInt(level, 10);
    if (!abstract || !Number.isInteger(levelIndex) || levelIndex < 0 || levelIndex > 8) {
      return undefined;
    }

    let levelCounters = counters.get(abstractId);
    if (!levelCounters) {
      levelCounters = new Map();
      counters.set(abstractId, levelCounters);
    }
    const override =
      numId === undefined ? undefined : definitions.instances.get(numId)?.startOverrides.get(level);
    const overrideKey = `${numId}/${level}`;
    if (override !== undefined && !overridden.has(overrideKey)) {
      overridden.add(overrideKey);
      levelCounters.set(levelIndex, override - 1);
    }
    const previous = levelCounters.get(levelIndex);
    const number = previous === undefined ? definition.start : previous + 1;
    levelCounters.set(levelIndex, number);
    // Deeper levels restart, unless their definition says never (lvlRestart 0) or later.
    for (const deeper of [...levelCounters.keys()]) {
      if (deeper <= levelIndex) continue;
      const restart = abstract.levels.get(String(deeper))?.restart;
      if (restart === 0 || (restart !== undefined && levelIndex + 1 >= restart)) continue;
      levelCounters.delete(deeper);
    }

    const ordered = definition.format !== 'bullet';
    let label = '';
    if (ordered) {
      label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
        const index = Number(digit) - 1;
        const other = abstract.levels.get(String(index));
        const value = levelCounters.get(index) ?? other?.start ?? 1;
        return formatNumber(value, other?.format ?? 'decimal');
      });
    }
    result.push({ level, ordered, number, label: label.trim() });
  }
  return result;
}
