/** Word's list definitions, read from numbering.xml and styles.xml. */
import { attr, type XmlTag, xmlTags } from './docx-numbering-xml.ts';

/** How one level of a list is numbered. */
export interface LevelDefinition {
  start: number;
  format: string;
  text: string;
  /** 0 = never restart; otherwise restart after an item at a level < restart. */
  restart: number | undefined;
}

/** A list definition (w:abstractNum): its levels, or the numbering style it stands for. */
export interface AbstractNumbering {
  levels: Map<string, LevelDefinition>;
  styleLink: string | undefined;
}

/** A list instance (w:num): the definition it uses and the levels it restarts. */
export interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<string, number>;
}

/** All of numbering.xml. */
export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  instances: Map<string, NumberingInstance>;
  /** Paragraph style id → [abstract id, level], from `w:lvl/w:pStyle` as mammoth uses it. */
  levelByStyle: Map<string, [string, string]>;
}

function intAttr(tag: XmlTag, fallback: number): number {
  const value = Number.parseInt(attr(tag, 'w:val') ?? '', 10);
  return Number.isFinite(value) ? value : fallback;
}

/** Reads the list definitions and instances of numbering.xml. */
export function readNumberingXml(xml: string): NumberingDefinitions {
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
export function readNumberingStyles(xml: string): Map<string, string> {
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
