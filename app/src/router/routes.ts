/** The pages of the app and the parameters their paths carry. */
export type Route =
  | { page: 'meetings' }
  | { page: 'forums' }
  | { page: 'meeting'; meetingId: number }
  | { page: 'agenda'; meetingId: number }
  | { page: 'item'; meetingId: number; itemId: number }
  | { page: 'meeting-mode'; meetingId: number }
  | { page: 'search' }
  | { page: 'case'; caseNumber: string }
  | { page: 'not-found' };

const positiveInteger = /^[1-9]\d{0,9}$/u;

/** Finds the page for a path; unknown paths give the not-found page. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/u, '').split('/').slice(1);
  const [first = '', second, third, fourth, ...rest] = parts;
  if (parts.length === 0 || (parts.length === 1 && first === '')) return { page: 'meetings' };
  if (first === 'fora' && parts.length === 1) return { page: 'forums' };
  if (first === 'soeg' && parts.length === 1) return { page: 'search' };
  if (first === 'sager' && second && parts.length === 2) {
    const caseNumber = safeDecode(second);
    return caseNumber ? { page: 'case', caseNumber } : { page: 'not-found' };
  }
  if (first !== 'moeder' || !second || !positiveInteger.test(second) || rest.length > 0)
    return { page: 'not-found' };
  const meetingId = Number(second);
  if (third === undefined) return { page: 'meeting', meetingId };
  if (third === 'dagsorden' && fourth === undefined) return { page: 'agenda', meetingId };
  if (third === 'moede' && fourth === undefined) return { page: 'meeting-mode', meetingId };
  if (third === 'punkter' && fourth && positiveInteger.test(fourth))
    return { page: 'item', meetingId, itemId: Number(fourth) };
  return { page: 'not-found' };
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Paths of the pages, so links are written in one place. */
export const paths = {
  meetings: '/',
  forums: '/fora',
  search: '/soeg',
  meeting: (meetingId: number): string => `/moeder/${meetingId}`,
  agenda: (meetingId: number): string => `/moeder/${meetingId}/dagsorden`,
  meetingMode: (meetingId: number): string => `/moeder/${meetingId}/moede`,
  item: (meetingId: number, itemId: number): string => `/moeder/${meetingId}/punkter/${itemId}`,
  caseTimeline: (caseNumber: string): string => `/sager/${encodeURIComponent(caseNumber)}`,
};
