import { type FormEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import {
  type MeetingSeriesInput,
  type MeetingSeriesResult,
  planMeetingSeries,
} from '../../api/planning.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { formatMeetingDate } from '../../lib/format.ts';
import {
  initialSeriesDraft,
  type SeriesDraft,
  type SeriesProblem,
  seriesInputOf,
} from './series-draft.ts';
import { SeriesFields } from './series-fields.tsx';

/**
 * "Opret mødeserie": the form for a series of meetings, "Vis datoerne" to see the dates it
 * gives (and those it skips, and days the forum already meets) before "Opret møderne".
 * Changing the form after the preview asks for a new preview, so what is created is what was
 * shown.
 */
export function SeriesPanel({
  forumId,
  year,
  onCreated,
}: {
  forumId: number;
  year: number;
  onCreated: (message: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<SeriesDraft>(() => initialSeriesDraft(year));
  const [problems, setProblems] = useState<SeriesProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [preview, setPreview] = useState<{
    input: MeetingSeriesInput;
    result: MeetingSeriesResult;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const change = (fields: Partial<SeriesDraft>): void => {
    setDraft((current) => ({ ...current, ...fields }));
    setPreview(null);
  };

  const showDates = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const checked = seriesInputOf(draft);
    setError(null);
    setAttempt((count) => count + 1);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    setIsBusy(true);
    try {
      const result = await planMeetingSeries(forumId, { ...checked.input, dryRun: true });
      setPreview({ input: checked.input, result });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };

  const create = async (): Promise<void> => {
    if (!preview) return;
    setError(null);
    setIsBusy(true);
    try {
      const result = await planMeetingSeries(forumId, preview.input);
      setPreview(null);
      onCreated(
        result.createdCount === 1
          ? '1 møde er oprettet.'
          : `${result.createdCount} møder er oprettet.`,
      );
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };

  const newDates = preview?.result.dates.filter((entry) => entry.state === 'new') ?? [];
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>Opret mødeserie</h2>
      <ErrorSummary
        attempt={attempt}
        problems={problems.map((problem) => ({
          fieldId: `${id}-${problem.field}`,
          message: problem.message,
        }))}
      />
      <form className="form-grid" onSubmit={showDates} noValidate>
        <SeriesFields idPrefix={id} draft={draft} problems={problems} onChange={change} />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={isBusy}>
            Vis datoerne
          </button>
        </div>
      </form>
      <ErrorAlert message={error} />
      {preview ? (
        <section aria-labelledby={`${id}-preview`} className="subpanel series-preview">
          <h3 id={`${id}-preview`} tabIndex={-1}>
            {newDates.length === 1 ? '1 nyt møde' : `${newDates.length} nye møder`}
          </h3>
          <ol className="series-dates">
            {preview.result.dates.map((entry) => (
              <li key={entry.date}>
                {formatMeetingDate(entry.date)} <span className="muted">(uge {entry.week})</span>
                {entry.state === 'exists' ? (
                  <span className="tag"> Forummet har allerede et møde den dag</span>
                ) : null}
              </li>
            ))}
          </ol>
          {preview.result.skipped.length > 0 ? (
            <p>
              Springes over:{' '}
              {preview.result.skipped
                .map((entry) => `${formatMeetingDate(entry.date)} (uge ${entry.week})`)
                .join(', ')}
              .
            </p>
          ) : null}
          <button
            type="button"
            className="button-primary"
            disabled={isBusy || newDates.length === 0}
            onClick={() => void create()}
          >
            {newDates.length === 1 ? 'Opret mødet' : `Opret de ${newDates.length} møder`}
          </button>
        </section>
      ) : null}
    </section>
  );
}
