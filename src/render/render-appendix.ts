/**
 * A page at the end of a PDF document that is not part of the meeting itself: the forum's
 * årshjul after its agenda, when the forum wants it. The picture is an SVG (drawn by
 * core/annual-wheel) with its text alternative beside it, so the PDF stays accessible.
 */
export interface RenderAppendix {
  /** "Årshjul 2027": the page's heading, listed in the table of contents. */
  heading: string;
  /** The picture, an SVG document. */
  svg: string;
  /** The picture's alternative text for the PDF's tags. */
  alt: string;
  /** What the picture shows, one line each, as a list under it. */
  lines: string[];
}
