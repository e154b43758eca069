import type { YearPlan } from '../../api/planning.ts';
import { MeetingPlanRow } from './meeting-plan-row.tsx';

/**
 * "Året på én side": the twelve months, each with its meetings (date, time, place, state and
 * the items waiting in the punktbank), and moving, cancelling or deleting one where the
 * server allows it.
 */
export function YearOverview({
  plan,
  onChanged,
}: {
  plan: YearPlan;
  onChanged: (message: string) => void;
}) {
  const count = plan.months.reduce((sum, month) => sum + month.meetings.length, 0);
  return (
    <section aria-labelledby="aaret-overskrift" className="panel">
      <h2 id="aaret-overskrift">Året på én side</h2>
      <p className="muted">
        {count === 0
          ? `Ingen møder i ${plan.year} endnu.`
          : `${count === 1 ? '1 møde' : `${count} møder`} i ${plan.year}.`}
      </p>
      <ol className="year-months">
        {plan.months.map((month) => (
          <li key={month.month} className="year-month" aria-labelledby={`maaned-${month.month}`}>
            <h3 id={`maaned-${month.month}`}>
              {month.name.charAt(0).toUpperCase()}
              {month.name.slice(1)}
            </h3>
            {month.meetings.length === 0 ? (
              <p className="muted">Intet møde</p>
            ) : (
              <ul className="plain-list">
                {month.meetings.map((meeting) => (
                  <MeetingPlanRow key={meeting.id} meeting={meeting} onChanged={onChanged} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
