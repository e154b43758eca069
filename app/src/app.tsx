import { type ReactNode, useEffect, useRef } from 'react';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Loading } from './components/loading.tsx';
import { pageHeadingId } from './components/page-heading.tsx';
import { SiteHeader } from './layout/site-header.tsx';
import { AuditPage } from './pages/administration/audit-page.tsx';
import { UsersPage } from './pages/administration/users-page.tsx';
import { CasePage } from './pages/case/case-page.tsx';
import { FollowupsPage } from './pages/followups/followups-page.tsx';
import { ForbiddenPage } from './pages/forbidden-page.tsx';
import { ForumsPage } from './pages/forums/forums-page.tsx';
import { ItemEditorPage } from './pages/item/item-editor-page.tsx';
import { AgendaPage } from './pages/meeting/agenda-page.tsx';
import { MeetingPage } from './pages/meeting/meeting-page.tsx';
import { MeetingModePage } from './pages/meeting-mode/meeting-mode-page.tsx';
import { MeetingsPage } from './pages/meetings/meetings-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PersonalCalendarPage } from './pages/personal-calendar/personal-calendar-page.tsx';
import { YearPlanPage } from './pages/planning/year-plan-page.tsx';
import { SearchPage } from './pages/search/search-page.tsx';
import { ChangePasswordPage } from './pages/session/change-password-page.tsx';
import { SignInPage } from './pages/session/sign-in-page.tsx';
import { navigate } from './router/history.ts';
import { matchRoute, type Route } from './router/routes.ts';
import { useLocation } from './router/use-location.ts';
import { type AccessDecision, decideAccess } from './session/access-rules.ts';
import { useSession } from './session/use-session.ts';

/** The app: skip link, header with navigation, and the page for the current path in <main>. */
export function App() {
  const { pathname, search } = useLocation();
  const { user } = useSession();
  const route = matchRoute(pathname);
  const access = decideAccess(route, user, `${pathname}${search}`);
  useFocusOnNavigation(pathname);
  useRedirect(access);
  return (
    <>
      <SiteHeader pathname={pathname} search={search} />
      <main id="indhold" tabIndex={-1} className="page">
        <ErrorBoundary key={pathname}>
          <AccessGate access={access}>
            <RoutePage route={route} search={search} />
          </AccessGate>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>Referat – dagsordener, referater og arkiv</p>
      </footer>
    </>
  );
}

function AccessGate({ access, children }: { access: AccessDecision; children: ReactNode }) {
  switch (access.kind) {
    case 'show':
      return children;
    case 'wait':
    case 'redirect':
      return <Loading />;
    case 'forbidden':
      return <ForbiddenPage />;
    default: {
      const unknown: never = access;
      return unknown;
    }
  }
}

function RoutePage({ route, search }: { route: Route; search: string }) {
  switch (route.page) {
    case 'meetings':
      return <MeetingsPage />;
    case 'forums':
      return <ForumsPage />;
    case 'meeting':
      return <MeetingPage meetingId={route.meetingId} />;
    case 'agenda':
      return <AgendaPage meetingId={route.meetingId} />;
    case 'item':
      return <ItemEditorPage meetingId={route.meetingId} itemId={route.itemId} />;
    case 'meeting-mode':
      return <MeetingModePage meetingId={route.meetingId} />;
    case 'search':
      return <SearchPage search={search} />;
    case 'case':
      return <CasePage caseNumber={route.caseNumber} />;
    case 'sign-in':
      return <SignInPage search={search} />;
    case 'change-password':
      return <ChangePasswordPage search={search} />;
    case 'personal-calendar':
      return <PersonalCalendarPage />;
    case 'year-plan':
      return <YearPlanPage forumId={route.forumId} year={route.year} />;
    case 'followups':
      return <FollowupsPage search={search} />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage search={search} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/** Goes where the access decision says, replacing the address the user cannot stay on. */
function useRedirect(access: AccessDecision): void {
  const target = access.kind === 'redirect' ? access.to : null;
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);
}

/**
 * After navigating inside the app, moves focus to the new page's h1 and scrolls to the top,
 * as a page load would; not on the first load, where the browser's own start is right.
 */
function useFocusOnNavigation(pathname: string): void {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const heading = document.getElementById(pageHeadingId);
    heading?.focus();
  }, [pathname]);
}
