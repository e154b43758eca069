/**
 * Parses a duration such as "(30 min)" or "(1 time)" written in a title, in minutes. The
 * parser reads titles with it, and the renderers use it not to repeat a stated duration.
 */
export function durationInTitle(title: string): number | null {
  const minutes = /\((\d{1,3})\s*(?:min(?:\.|utter)?|m)\s*\)/iu.exec(title);
  if (minutes) return Number(minutes[1]) || null;
  const hours = /\((\d{1,2}(?:[.,]\d{1,2})?|½|1½)\s*(?:time|timer|t\.?)\s*\)/iu.exec(title);
  if (!hours) return null;
  const value =
    hours[1] === '½' ? 0.5 : hours[1] === '1½' ? 1.5 : Number((hours[1] ?? '').replace(',', '.'));
  const total = Math.round(value * 60);
  return total > 0 ? total : null;
}
