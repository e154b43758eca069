/**
 * The look of the Word documents: fonts, heading styles, page size, footer and list numbering.
 * Word's own style ids (Title, Heading1-6, TOCHeading, Hyperlink) are used, so that Word's
 * navigation pane, its table of contents and screen readers see the document's structure.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Footer,
  type ILevelsOptions,
  type IStylesOptions,
  LevelFormat,
  type NumberingDefinition,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';

/** The body font; Word substitutes a near match where Calibri is missing. */
export const bodyFont = 'Calibri';

/** The font of code runs and code blocks. */
export const codeFont = 'Consolas';

/** The reference of the one bullet list definition all bullet lists share. */
export const bulletReference = 'referat-bullets';

/** Word numbers list levels 0-8; deeper lists stay at the deepest level. */
export const deepestListLevel = 8;

/** How far each list level, and a quote, is indented (twips; 0.63 cm as Word's own lists). */
export const indentStep = 360;

const textColor = '1F1F1F';
const headingColor = '1F3864';

/** Font size in half-points, as Word writes it. */
function toHalfPoints(size: number): number {
  return size * 2;
}

function createHeadingStyle(size: number, isItalic = false) {
  return {
    run: {
      font: bodyFont,
      size: toHalfPoints(size),
      bold: true,
      italics: isItalic,
      color: headingColor,
    },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
  };
}

/** The document's styles: Danish as the proofing language, one sans font, quiet headings. */
export function createStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: bodyFont,
          size: toHalfPoints(11),
          color: textColor,
          language: { value: 'da-DK' },
        },
        paragraph: { spacing: { after: 120, line: 264 } },
      },
      title: {
        run: { font: bodyFont, size: toHalfPoints(20), bold: true, color: headingColor },
        paragraph: { spacing: { after: 240 } },
      },
      heading1: createHeadingStyle(16),
      heading2: createHeadingStyle(14),
      heading3: createHeadingStyle(12),
      heading4: createHeadingStyle(11),
      heading5: createHeadingStyle(11, true),
      heading6: createHeadingStyle(10, true),
      hyperlink: { run: { color: '0563C1', underline: { type: 'single' } } },
    },
    paragraphStyles: [
      {
        // Word's own "TOC Heading": it looks like a heading but is not listed in the contents.
        id: 'TOCHeading',
        name: 'TOC Heading',
        basedOn: 'Heading1',
        next: 'Normal',
        uiPriority: 39,
        paragraph: { outlineLevel: 9 },
      },
      {
        id: 'Code',
        name: 'Code',
        basedOn: 'Normal',
        paragraph: { spacing: { after: 0, line: 240 }, shading: { fill: 'F2F2F2' } },
        run: { font: codeFont, size: toHalfPoints(10) },
      },
    ],
  };
}

/** A4 with 2.5 cm margins all round. */
export const pageProperties = {
  page: {
    size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
    margin: {
      top: convertMillimetersToTwip(25),
      right: convertMillimetersToTwip(25),
      bottom: convertMillimetersToTwip(25),
      left: convertMillimetersToTwip(25),
      header: convertMillimetersToTwip(12.5),
      footer: convertMillimetersToTwip(12.5),
    },
  },
};

/** "Side N af M", right-aligned, with Word's PAGE and NUMPAGES fields. */
export function createFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: toHalfPoints(9),
            children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** The bottom border of a horizontal rule. */
export const ruleBorder = {
  bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 },
};

/** The bar left of a quote. */
export const quoteBar = { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 };

/** The lines around and inside tables. */
const tableLine = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

/** Table borders: thin grey lines on every side and between every cell. */
export const tableBorders = {
  top: tableLine,
  bottom: tableLine,
  left: tableLine,
  right: tableLine,
  insideHorizontal: tableLine,
  insideVertical: tableLine,
};

function createLevelIndent(level: number) {
  return { indent: { left: indentStep * (level + 1), hanging: indentStep } };
}

/** The shared bullet list: "•" and "◦" by turns, deeper levels further in. */
export function createBulletDefinition(): NumberingDefinition {
  const levels: ILevelsOptions[] = [];
  for (let level = 0; level <= deepestListLevel; level++) {
    levels.push({
      level,
      format: LevelFormat.BULLET,
      text: level % 2 === 0 ? '•' : '◦',
      alignment: AlignmentType.LEFT,
      style: { paragraph: createLevelIndent(level), run: { font: bodyFont } },
    });
  }
  return { reference: bulletReference, levels };
}

/**
 * One numbered list's own definition, so that it counts from its own start and never carries
 * on from an earlier list. `level` is the list's depth; only that level is used by it.
 */
export function createOrderedDefinition(
  reference: string,
  level: number,
  start: number,
): NumberingDefinition {
  const levels: ILevelsOptions[] = [];
  for (let index = 0; index <= deepestListLevel; index++) {
    levels.push({
      level: index,
      format: LevelFormat.DECIMAL,
      text: `%${index + 1}.`,
      alignment: AlignmentType.LEFT,
      start: index === level ? start : 1,
      style: { paragraph: createLevelIndent(index) },
    });
  }
  return { reference, levels };
}
