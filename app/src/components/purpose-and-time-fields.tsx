import { useId } from 'react';
import { defaultPurposes, purposeLabel } from '../../../src/core/forum-practice.ts';
import type { ItemPurpose } from '../api/types.ts';

/**
 * The options of a purpose select: the forum's purposes in its order, and the item's own
 * purpose after them when the list lacks it, so that opening and saving the item never loses
 * it silently; it is marked as dropped only when the list is the forum's own (`isForumList`),
 * not the fallback. The value of each is the purpose's word.
 */
export function purposeOptions(
  forumPurposes: readonly string[],
  current: string | null | undefined,
  isForumList = true,
): Array<{ value: string; label: string }> {
  const options = forumPurposes.map((purpose) => ({ value: purpose, label: purpose }));
  const own = purposeLabel(current);
  if (own && !forumPurposes.includes(own))
    options.push({
      value: own,
      label: isForumList ? `${own} (ikke længere på forummets liste)` : own,
    });
  return options;
}

/**
 * "Formål" (one of the forum's purposes, or not chosen) and "Tid i minutter". `purposes` is
 * the forum's list (workspace.forum.purposes); without it the select offers the list a new
 * forum starts with, until every caller passes its forum's.
 */
export function PurposeAndTimeFields({
  purpose,
  minutes,
  purposes,
  disabled = false,
  onPurposeChange,
  onMinutesChange,
}: {
  purpose: ItemPurpose | '';
  minutes: string;
  /** The forum's purposes, in its order. */
  purposes?: readonly string[];
  disabled?: boolean;
  onPurposeChange: (purpose: ItemPurpose | '') => void;
  onMinutesChange: (minutes: string) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>Formål</label>
        <select
          id={`${id}-purpose`}
          // An old key ("beslutning") is shown as its word, which is also the option's value.
          value={purposeLabel(purpose) ?? ''}
          disabled={disabled}
          onChange={(e) => onPurposeChange(e.target.value)}
        >
          <option value="">Ikke valgt</option>
          {purposeOptions(purposes ?? defaultPurposes, purpose, purposes !== undefined).map(
            (option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ),
          )}
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-minutes`}>Tid i minutter</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={5}
          max={600}
          step={5}
          value={minutes}
          disabled={disabled}
          onChange={(e) => onMinutesChange(e.target.value)}
        />
      </div>
    </>
  );
}
