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
  | { page: 'sign-in' }
  | { page: 'change-password' }
  | { page: 'personal-calendar' }
  /** A forum's year: meeting plan, årshjul and punktbank; `year` null is this year. */
  | { page: 'year-plan'; forumId: number; year: number | null }
  | { page: 'followups' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'not-found' };

/** The pages with a fixed path, by the path without its leading slash. */
const fixedPages: Record<string, Route> = {
  fora: { page: 'forums' },
  soeg: { page: 'search' },
  'log-ind': { page: 'sign-in' },
  'skift-adgangskode': { page: 'change-password' },
  'min-kalender': { page: 'personal-calendar' },
  opfoelgning: { page: 'followups' },
  'administration/brugere': { page: 'users' },
  'administration/log': { page: 'audit' },
};

const positiveInteger = /^[1-9]\d{0,9}$/u;

/** Finds the page for a path; unknown paths give the not-found page. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/u, '').split('/').slice(1);
  const [first = '', second, third, fourth, ...rest] = parts;
  if (parts.length === 0 || (parts.length === 1 && first === '')) return { page: 'meetings' };
  const key = parts.join('/');
  const fixed = Object.hasOwn(fixedPages, key) ? fixedPages[key] : undefined;
  if (fixed) return fixed;
  if (first === 'sager' && second && parts.length === 2) {
    const caseNumber = safeDecode(second);
    return caseNumber ? { page: 'case', caseNumber } : { page: 'not-found' };
  }
  if (first === 'fora' && third === 'aarsplan') return matchYearPlan(second, fourth, rest.length);
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

/** `/fora/:id/aarsplan` and `/fora/:id/aarsplan/2027`. */
function matchYearPlan(forum: string | undefined, year: string | undefined, more: number): Route {
  if (!forum || !positiveInteger.test(forum) || more > 0) return { page: 'not-found' };
  if (year === undefined) return { page: 'year-plan', forumId: Number(forum), year: null };
  if (!/^20\d{2}$/u.test(year)) return { page: 'not-found' };
  return { page: 'year-plan', forumId: Number(forum), year: Number(year) };
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
  signIn: '/log-ind',
  changePassword: '/skift-adgangskode',
  personalCalendar: '/min-kalender',
  followups: '/opfoelgning',
  users: '/administration/brugere',
  audit: '/administration/log',
  meeting: (meetingId: number): string => `/moeder/${meetingId}`,
  agenda: (meetingId: number): string => `/moeder/${meetingId}/dagsorden`,
  meetingMode: (meetingId: number): string => `/moeder/${meetingId}/moede`,
  item: (meetingId: number, itemId: number): string => `/moeder/${meetingId}/punkter/${itemId}`,
  yearPlan: (forumId: number, year?: number): string =>
    `/fora/${forumId}/aarsplan${year === undefined ? '' : `/${year}`}`,
  caseTimeline: (caseNumber: string): string => `/sager/${encodeURIComponent(caseNumber)}`,
};
