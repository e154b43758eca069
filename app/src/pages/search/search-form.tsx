import { type FormEvent, useId, useState } from 'react';
import type { SearchQuery } from '../../api/search.ts';
import type { Forum } from '../../api/types.ts';
import { checkCaseNumber } from '../../lib/case-number-message.ts';

/** The search field and its filters: dates, journal number prefix, forum, decisions only. */
export function SearchForm({
  initial,
  forums,
  onSearch,
}: {
  initial: SearchQuery;
  forums: readonly Forum[];
  onSearch: (query: SearchQuery) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState(initial);
  const change = (partial: Partial<SearchQuery>): void =>
    setQuery((current) => ({ ...current, ...partial }));
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSearch(query);
  };
  // A prefix such as "00.30" is fine; only a full-looking number gets the check's verdict.
  const caseVerdict = query.caseNumber.length >= 8 ? checkCaseNumber(query.caseNumber) : null;

  return (
    <search>
      <form className="search-form" onSubmit={submit}>
        <div className="search-main">
          <div className="field field-wide">
            <label htmlFor={`${id}-q`}>Søgeord</label>
            <input
              id={`${id}-q`}
              type="search"
              value={query.q}
              placeholder="Fx sygefravær eller &quot;budget 2018&quot;"
              onChange={(e) => change({ q: e.target.value })}
            />
          </div>
          <button type="submit" className="button-primary">
            Søg
          </button>
        </div>
        <fieldset className="filters">
          <legend>Afgræns søgningen</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-from`}>Fra dato</label>
              <input
                id={`${id}-from`}
                type="date"
                value={query.from}
                onChange={(e) => change({ from: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>Til dato</label>
              <input
                id={`${id}-to`}
                type="date"
                value={query.to}
                onChange={(e) => change({ to: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-case`}>Journalnummer begynder med</label>
              <input
                id={`${id}-case`}
                value={query.caseNumber}
                placeholder="Fx 00.30 eller 15/"
                aria-describedby={caseVerdict ? `${id}-case-hint` : undefined}
                onChange={(e) => change({ caseNumber: e.target.value })}
              />
              {caseVerdict && !caseVerdict.isValid ? (
                <p id={`${id}-case-hint`} className="hint">
                  {caseVerdict.message}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${id}-forum`}>Forum</label>
              <select
                id={`${id}-forum`}
                value={query.forum}
                onChange={(e) => change({ forum: e.target.value })}
              >
                <option value="">Alle fora</option>
                {forums.map((forum) => (
                  <option key={forum.id} value={forum.name}>
                    {forum.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field checkbox-field">
              <input
                id={`${id}-decisions`}
                type="checkbox"
                checked={query.isDecisionOnly}
                onChange={(e) => change({ isDecisionOnly: e.target.checked })}
              />
              <label htmlFor={`${id}-decisions`}>Kun punkter med beslutning</label>
            </div>
          </div>
        </fieldset>
      </form>
    </search>
  );
}
