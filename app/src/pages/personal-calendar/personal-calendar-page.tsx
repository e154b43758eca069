import { PageHeading } from '../../components/page-heading.tsx';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { useSession } from '../../session/use-session.ts';
import { CalendarFeedPanel } from './calendar-feed-panel.tsx';

/**
 * `/min-kalender` (signed-in users): "Din kalender", a personal address to subscribe to in
 * Outlook or another calendar, with the meetings of the forums the user has a role in. What
 * the address is and why it must be kept to oneself comes first; then the address itself.
 */
export function PersonalCalendarPage() {
  usePageTitle('Din kalender');
  const { user } = useSession();
  return (
    <>
      <PageHeading>Din kalender</PageHeading>
      <p>
        Få møderne i de fora, du er medlem af eller sekretær for, ind i din egen kalender. Lav en
        kalenderadresse, og abonnér på den i Outlook eller et andet kalenderprogram. Møderne kommer
        så i kalenderen af sig selv, og de bliver rettet, når et møde flyttes eller aflyses.
      </p>
      <p>
        Adressen er personlig. Alle, der kender den, kan se, hvornår og hvor dine møder er, også de
        interne. Del den ikke med andre. Er den kommet ud, så lav en ny adresse; den gamle holder så
        op med at virke.
      </p>
      {user?.isAdministrator ? (
        <p>
          Som administrator får du kun møderne i de fora, hvor du selv har en rolle, ikke alle fora.
        </p>
      ) : null}
      <CalendarFeedPanel />
    </>
  );
}
