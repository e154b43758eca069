import type { ReactNode } from 'react';
import { danishWeekdayNames } from '../../../../src/core/meeting-series.ts';
import type { SeriesDraft, SeriesProblem } from './series-draft.ts';

const ordinalLabels: Array<[string, string]> = [
  ['1', 'første'],
  ['2', 'anden'],
  ['3', 'tredje'],
  ['4', 'fjerde'],
  ['-1', 'sidste'],
];

/**
 * The series form's fields: how often (every n weeks on a weekday, or the nth weekday of the
 * month), from–to, time, place and the weeks without meetings. Each field's problem is shown
 * beside it and tied to it.
 */
export function SeriesFields({
  idPrefix,
  draft,
  problems,
  onChange,
}: {
  idPrefix: string;
  draft: SeriesDraft;
  problems: readonly SeriesProblem[];
  onChange: (fields: Partial<SeriesDraft>) => void;
}) {
  const field = (name: keyof SeriesDraft, label: string, input: ReactNode, hint?: string) => {
    const problem = problems.find((entry) => entry.field === name)?.message;
    return (
      <div className="field">
        <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
        {hint ? (
          <p id={`${idPrefix}-${name}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        {problem ? (
          <p id={`${idPrefix}-${name}-error`} className="field-error">
            <span className="visually-hidden">Fejl: </span>
            {problem}
          </p>
        ) : null}
        {input}
      </div>
    );
  };
  const describedBy = (name: keyof SeriesDraft, hasHint = false) =>
    [
      hasHint ? `${idPrefix}-${name}-hint` : null,
      problems.some((entry) => entry.field === name) ? `${idPrefix}-${name}-error` : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const invalid = (name: keyof SeriesDraft) =>
    problems.some((entry) => entry.field === name) ? true : undefined;
  return (
    <>
      {field(
        'kind',
        'Gentagelse',
        <select
          id={`${idPrefix}-kind`}
          value={draft.kind}
          onChange={(event) => onChange({ kind: event.target.value as SeriesDraft['kind'] })}
        >
          <option value="weekly">Med et fast antal uger imellem</option>
          <option value="monthly">En bestemt ugedag hver måned</option>
        </select>,
      )}
      {draft.kind === 'monthly'
        ? field(
            'ordinal',
            'Hvilken i måneden',
            <select
              id={`${idPrefix}-ordinal`}
              value={draft.ordinal}
              onChange={(event) => onChange({ ordinal: event.target.value })}
            >
              {ordinalLabels.map(([value, label]) => (
                <option key={value} value={value}>
                  Den {label}
                </option>
              ))}
            </select>,
          )
        : null}
      {field(
        'weekday',
        'Ugedag',
        <select
          id={`${idPrefix}-weekday`}
          value={draft.weekday}
          onChange={(event) => onChange({ weekday: event.target.value })}
        >
          {danishWeekdayNames.map((name, index) => (
            <option key={name} value={String(index)}>
              {name.charAt(0).toUpperCase()}
              {name.slice(1)}
            </option>
          ))}
        </select>,
      )}
      {draft.kind === 'weekly'
        ? field(
            'intervalWeeks',
            'Antal uger mellem møderne',
            <input
              id={`${idPrefix}-intervalWeeks`}
              type="number"
              min={1}
              max={52}
              inputMode="numeric"
              value={draft.intervalWeeks}
              aria-invalid={invalid('intervalWeeks')}
              aria-describedby={describedBy('intervalWeeks', true)}
              onChange={(event) => onChange({ intervalWeeks: event.target.value })}
            />,
            '1 er hver uge, 2 hver anden uge.',
          )
        : null}
      {field(
        'from',
        'Fra og med',
        <input
          id={`${idPrefix}-from`}
          type="date"
          value={draft.from}
          aria-invalid={invalid('from')}
          aria-describedby={describedBy('from')}
          onChange={(event) => onChange({ from: event.target.value })}
        />,
      )}
      {field(
        'to',
        'Til og med',
        <input
          id={`${idPrefix}-to`}
          type="date"
          value={draft.to}
          aria-invalid={invalid('to')}
          aria-describedby={describedBy('to')}
          onChange={(event) => onChange({ to: event.target.value })}
        />,
      )}
      {field(
        'start',
        'Starttidspunkt',
        <input
          id={`${idPrefix}-start`}
          type="time"
          value={draft.start}
          onChange={(event) => onChange({ start: event.target.value })}
        />,
      )}
      {field(
        'location',
        'Mødested',
        <input
          id={`${idPrefix}-location`}
          type="text"
          value={draft.location}
          placeholder="Fx Mødelokale 1"
          onChange={(event) => onChange({ location: event.target.value })}
        />,
      )}
      {field(
        'skipWeeks',
        'Uger uden møder',
        <input
          id={`${idPrefix}-skipWeeks`}
          type="text"
          value={draft.skipWeeks}
          aria-invalid={invalid('skipWeeks')}
          aria-describedby={describedBy('skipWeeks', true)}
          onChange={(event) => onChange({ skipWeeks: event.target.value })}
        />,
        'Ugenumre med komma imellem og bindestreg for en periode, fx 7, 29–31, 52.',
      )}
    </>
  );
}
