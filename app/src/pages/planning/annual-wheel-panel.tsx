import { type FocusEvent, useState } from 'react';
import { drawAnnualWheel } from '../../../../src/core/annual-wheel.ts';
import {
  annualWheelMonths,
  describeWheelEntry,
} from '../../../../src/core/annual-wheel-entries.ts';
import { planningPaths, type YearPlan } from '../../api/planning.ts';

/**
 * The årshjul: the year as a circle with the forum's meetings and the planned and recurring
 * items (drawn by core/annual-wheel from the same entries as the server's SVG). Each entry
 * takes the keyboard focus, and the line under the picture says the focused entry in full;
 * the list after it says everything the picture shows, month by month.
 */
export function AnnualWheelPanel({ plan }: { plan: YearPlan }) {
  const [focused, setFocused] = useState('');
  const svg = drawAnnualWheel(
    { year: plan.year, forumName: plan.forum.name, entries: plan.wheelEntries },
    { idPrefix: 'aarshjul', hasFocusableEntries: true },
  );
  const showFocused = (event: FocusEvent<HTMLElement>): void => {
    const entry = (event.target as Element).closest('[data-entry]');
    setFocused(entry?.getAttribute('data-entry') ?? '');
  };
  return (
    <section aria-labelledby="aarshjul-overskrift" className="panel">
      <h2 id="aarshjul-overskrift">Årshjul</h2>
      <figure className="annual-wheel" onFocus={showFocused} onBlur={() => setFocused('')}>
        <figcaption className="hint">
          Gå gennem hjulets punkter med tabulatortasten. Listen under hjulet nævner det samme.
        </figcaption>
        <div
          // biome-ignore lint/security/noDangerouslySetInnerHtml: core/annual-wheel escapes every text it draws
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <p className="annual-wheel-focus" aria-live="polite">
          {focused ? `Valgt: ${focused}` : ''}
        </p>
      </figure>
      <p>
        <a href={planningPaths.annualWheelSvg(plan.forum.id, plan.year)} download>
          Hent årshjulet som billede (SVG)
        </a>
      </p>
      <h3 id="aarshjul-liste">Årshjulet som liste</h3>
      <ul className="annual-wheel-list" aria-labelledby="aarshjul-liste">
        {annualWheelMonths(plan.wheelEntries).map((month) => (
          <li key={month.month}>
            <strong>
              {month.name.charAt(0).toUpperCase()}
              {month.name.slice(1)}
            </strong>
            {month.entries.length === 0 ? (
              <span className="muted">: intet</span>
            ) : (
              <ul>
                {month.entries.map((entry, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a list to read, in the wheel's order
                  <li key={index}>{describeWheelEntry(entry)}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
