import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import {
  type AnnualCycle,
  type AnnualCycleApplication,
  applyAnnualCycle,
  removeRecurringItem,
  saveAnnualCycleSettings,
} from '../../api/planning.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RecurringItemForm } from './recurring-item-form.tsx';

/**
 * "Faste punkter i årshjulet": the forum's recurring items with their rules, a form for a new
 * one, "Læg årshjulet ind i årets møder" (safe to repeat), and whether the agenda PDF ends
 * with the årshjul. Changing is for the forum's secretaries; members read.
 */
export function RecurringItemsPanel({
  forumId,
  year,
  cycle,
  canManage,
  onChanged,
}: {
  forumId: number;
  year: number;
  cycle: AnnualCycle;
  canManage: boolean;
  onChanged: (message: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = async (action: () => Promise<string>): Promise<void> => {
    setError(null);
    setIsBusy(true);
    try {
      onChanged(await action());
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="faste-punkter" className="panel">
      <h2 id="faste-punkter">Faste punkter i årshjulet</h2>
      {cycle.items.length === 0 ? (
        <p className="muted">Årshjulet har ingen faste punkter endnu.</p>
      ) : (
        <ul className="plain-list recurring-items">
          {cycle.items.map((item) => (
            <li key={item.id}>
              <strong>{item.title}</strong> – {item.ruleLabel}
              {item.durationMinutes ? ` (${item.durationMinutes} min)` : ''}{' '}
              {canManage ? (
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Fjern ${item.title} fra årshjulet`}
                  disabled={isBusy}
                  onClick={() =>
                    void run(async () => {
                      await removeRecurringItem(item.id);
                      return `${item.title} er fjernet fra årshjulet.`;
                    })
                  }
                >
                  Fjern
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert message={error} />
      {canManage ? (
        <>
          <div className="action-row">
            <button
              type="button"
              className="button-primary"
              disabled={isBusy || cycle.items.length === 0}
              onClick={() =>
                void run(async () => applicationMessage(await applyAnnualCycle(forumId, year)))
              }
            >
              Læg årshjulet ind i årets møder
            </button>
          </div>
          <CheckboxField
            label="Vis årshjulet som sidste side i dagsordenens PDF"
            isChecked={cycle.showsAnnualWheel}
            onChange={(isChecked) =>
              void run(async () => {
                await saveAnnualCycleSettings(forumId, isChecked);
                return isChecked
                  ? 'Dagsordenens PDF slutter nu med årshjulet.'
                  : 'Dagsordenens PDF viser ikke længere årshjulet.';
              })
            }
          />
          <section aria-labelledby="nyt-fast-punkt" className="subpanel">
            <h3 id="nyt-fast-punkt">Nyt fast punkt</h3>
            <RecurringItemForm
              forumId={forumId}
              onAdded={(title) => onChanged(`${title} er føjet til årshjulet.`)}
            />
          </section>
        </>
      ) : null}
    </section>
  );
}

/** What applying the cycle did, in one Danish message. */
export function applicationMessage(result: AnnualCycleApplication): string {
  const parts: string[] = [];
  if (result.createdCount > 0)
    parts.push(
      result.createdCount === 1
        ? 'Årshjulet gav 1 nyt punkt i punktbanken.'
        : `Årshjulet gav ${result.createdCount} nye punkter i punktbanken.`,
    );
  if (result.createdCount === 0 && result.placedCount === 0)
    parts.push('Intet nyt: årshjulet var lagt ind i årets møder i forvejen.');
  if (result.placedCount > 0)
    parts.push(
      result.placedCount === 1
        ? '1 ventende punkt har fået et møde.'
        : `${result.placedCount} ventende punkter har fået et møde.`,
    );
  if (result.waiting.length > 0)
    parts.push(
      `Venter på et møde: ${result.waiting.map((entry) => `${entry.title} (${entry.period})`).join(', ')}.`,
    );
  return parts.join(' ');
}
