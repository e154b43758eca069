import { countText } from '../../lib/format.ts';
import { type AgendaTimePlan, formatMinutes } from './time-plan.ts';

/** "I alt 1 t 35 min · 2 punkter uden tid · Slutter kl. 14:35". */
export function TimePlanSummary({ plan, start }: { plan: AgendaTimePlan; start: string | null }) {
  return (
    <dl className="time-plan">
      <div>
        <dt>Tid i alt</dt>
        <dd>{formatMinutes(plan.totalMinutes)}</dd>
      </div>
      <div>
        <dt>Uden tid</dt>
        <dd>{countText(plan.itemsWithoutTime, 'punkt', 'punkter')}</dd>
      </div>
      <div>
        <dt>Slutter</dt>
        <dd>{plan.endsAt ? `kl. ${plan.endsAt}` : start ? '–' : 'Intet starttidspunkt'}</dd>
      </div>
    </dl>
  );
}
