import { useLayoutEffect, useRef } from 'react';
import { purposeLabel } from '../../../../src/core/forum-practice.ts';
import { isCommunicationItemTitle } from '../../../../src/core/item-annotations.ts';
import type { EditableItem, Workspace } from '../../api/types.ts';
import { MarkdownPreview } from '../../components/markdown-preview.tsx';
import { decisionAutosaver } from '../../lib/decision-autosave.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { ApprovePreviousButton } from '../agenda/approve-previous-button.tsx';
import { AttachmentLinks } from '../item/attachment-links.tsx';
import { GatheredCommunications } from './gathered-communications.tsx';
import { ItemAbsences } from './item-absences.tsx';
import { ItemCommunication } from './item-communication.tsx';
import { ItemGuests } from './item-guests.tsx';

/**
 * One item in meeting mode: beside the Beslutning textarea (saved as it is typed), what the
 * meeting needs to decide it (Anledning, Indstilling, Bilag and Sagsfremstilling, each
 * collapsed until opened), one-click phrases that leave the caret after the phrase, whether
 * and what is "Kommunikeres ud", the guests and presenters, and who is absent for this item.
 * The item that gathers the messages shows them all, ready to copy for the departments.
 */
export function DecisionItem({
  workspace,
  item,
  decision,
  replacedText,
  canWrite,
  onDecisionChange,
  onItemSaved,
  onReload,
}: {
  workspace: Workspace;
  item: EditableItem;
  decision: string;
  replacedText: string | null;
  canWrite: boolean;
  onDecisionChange: (decision: string) => void;
  onItemSaved: (item: EditableItem) => void;
  onReload: () => void;
}) {
  const headingId = `punkt-${item.id}`;
  const textareaId = `beslutning-${item.id}`;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const isCaretToEnd = useRef(false);
  // After a phrase, the caret goes after it once the new text is rendered, so typing goes on.
  useLayoutEffect(() => {
    const field = textareaRef.current;
    if (!isCaretToEnd.current || !field) return;
    isCaretToEnd.current = false;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  });
  const addPhrase = (phrase: string): void => {
    const current = decision.trimEnd();
    isCaretToEnd.current = true;
    // Focus now as well: the click took it to the button, and the text is typed in the field.
    textareaRef.current?.focus();
    onDecisionChange(current ? `${current} ${phrase}` : phrase);
  };
  const isGatheringItem = isCommunicationItemTitle(item.title);
  const facts = [
    purposeLabel(item.purpose),
    item.durationMinutes ? `${item.durationMinutes} min` : null,
    item.caseNumber,
    item.closed ? 'Lukket punkt' : null,
  ].filter(Boolean);

  return (
    <section aria-labelledby={headingId} className="decision-item">
      <h2 id={headingId}>
        {item.number}. {item.title}
      </h2>
      {facts.length > 0 ? <p className="item-facts">{facts.join(' · ')}</p> : null}
      <div className="decision-item-columns">
        <ItemReference item={item} />
        <div className="decision-item-decision">
          {item.number === 1 ? (
            <ApprovePreviousButton workspace={workspace} onApproved={onReload} />
          ) : null}
          {isGatheringItem ? <GatheredCommunications workspace={workspace} /> : null}
          <div className="field">
            <label htmlFor={textareaId}>
              Beslutning<span className="visually-hidden"> til punkt {item.number}</span>
            </label>
            <textarea
              ref={textareaRef}
              id={textareaId}
              rows={5}
              value={decision}
              readOnly={!canWrite}
              onChange={(e) => onDecisionChange(e.target.value)}
            />
          </div>
          {canWrite ? (
            <fieldset className="phrases">
              <legend>
                Standardformuleringer
                <span className="visually-hidden"> til punkt {item.number}</span>
              </legend>
              {workspace.decisionPhrases.map((phrase) => (
                <button
                  key={phrase}
                  type="button"
                  className="button-phrase"
                  onClick={() => addPhrase(phrase)}
                >
                  {phrase}
                </button>
              ))}
            </fieldset>
          ) : null}
          {replacedText ? (
            <div className="replaced-note" role="note">
              <p>
                Beslutningen var også ændret et andet sted. Din tekst er gemt; den tekst, der stod
                før, var:
              </p>
              <blockquote className="preserve-lines">{replacedText}</blockquote>
              <button
                type="button"
                className="button-quiet"
                onClick={() => decisionAutosaver.dismissReplaced(item.id)}
              >
                Skjul den tidligere tekst
              </button>
            </div>
          ) : null}
          {/* The gathering item has no message of its own to pass on (unless one is stored). */}
          {isGatheringItem && !item.communication ? null : (
            <ItemCommunication item={item} canEdit={canWrite} onSaved={onItemSaved} />
          )}
          <ItemGuests
            item={item}
            canEdit={workspace.permissions.canRecordAttendance}
            onSaved={onItemSaved}
          />
          <ItemAbsences
            item={item}
            members={workspace.forum.members}
            disabled={!workspace.permissions.canRecordAttendance}
            onSaved={onItemSaved}
          />
        </div>
      </div>
      <p className="item-link">
        <Link to={paths.item(workspace.id, item.id)}>Åbn punkt {item.number} i editoren</Link>
      </p>
    </section>
  );
}

/**
 * What the meeting decides from: Anledning, Indstilling (proposer and numbered at-points), Bilag
 * and Sagsfremstilling, each collapsed so that the decisions stay in view; nothing for an item
 * without them (item 1, Evt.).
 */
function ItemReference({ item }: { item: EditableItem }) {
  const forItem = <span className="visually-hidden"> til punkt {item.number}</span>;
  const hasRecommendation = Boolean(item.recommendation && item.recommendation.points.length > 0);
  const parts = [
    item.background?.trim(),
    hasRecommendation,
    item.attachments.length > 0,
    item.presentation?.trim(),
  ];
  if (!parts.some(Boolean)) return null;
  return (
    <div className="decision-item-reference">
      {item.background?.trim() ? (
        <details>
          <summary>Anledning{forItem}</summary>
          <MarkdownPreview text={item.background} />
        </details>
      ) : null}
      {item.recommendation && hasRecommendation ? (
        <details>
          <summary>Indstilling{forItem}</summary>
          <div className="recommendation-view">
            <p>{item.recommendation.proposer} indstiller,</p>
            <ol>
              {item.recommendation.points.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ol>
          </div>
        </details>
      ) : null}
      {item.attachments.length > 0 ? (
        <details>
          <summary>
            Bilag ({item.attachments.length}){forItem}
          </summary>
          <AttachmentLinks attachments={item.attachments} />
        </details>
      ) : null}
      {item.presentation?.trim() ? (
        <details>
          <summary>Sagsfremstilling{forItem}</summary>
          <MarkdownPreview text={item.presentation} />
        </details>
      ) : null}
    </div>
  );
}
