import { itemPurposeLabels } from '../../../../src/core/standard-items.ts';
import type { EditableItem, Workspace } from '../../api/types.ts';
import { MarkdownPreview } from '../../components/markdown-preview.tsx';
import { decisionAutosaver } from '../../lib/decision-autosave.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { ApprovePreviousButton } from '../agenda/approve-previous-button.tsx';
import { ItemAbsences } from './item-absences.tsx';

/**
 * One item in meeting mode: its facts and Indstilling for reference, the Beslutning textarea
 * (saved as it is typed), one-click phrases, and who is absent for this item.
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
  const addPhrase = (phrase: string): void => {
    const current = decision.trimEnd();
    onDecisionChange(current ? `${current} ${phrase}` : phrase);
  };
  const facts = [
    item.purpose ? itemPurposeLabels[item.purpose] : null,
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
      {item.recommendation && item.recommendation.points.length > 0 ? (
        <div className="recommendation-view">
          <p>{item.recommendation.proposer} indstiller,</p>
          <ol>
            {item.recommendation.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ol>
        </div>
      ) : null}
      {item.presentation ? (
        <details>
          <summary>Sagsfremstilling</summary>
          <MarkdownPreview text={item.presentation} />
        </details>
      ) : null}
      {item.number === 1 ? (
        <ApprovePreviousButton workspace={workspace} onApproved={onReload} />
      ) : null}
      <div className="field">
        <label htmlFor={textareaId}>
          Beslutning<span className="visually-hidden"> til punkt {item.number}</span>
        </label>
        <textarea
          id={textareaId}
          rows={4}
          value={decision}
          disabled={!canWrite}
          onChange={(e) => onDecisionChange(e.target.value)}
        />
      </div>
      {canWrite ? (
        <fieldset className="phrases">
          <legend>
            Standardformuleringer<span className="visually-hidden"> til punkt {item.number}</span>
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
            Beslutningen var også ændret et andet sted. Din tekst er gemt; den tekst, der stod før,
            var:
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
      <ItemAbsences
        item={item}
        members={workspace.forum.members}
        disabled={!canWrite}
        onSaved={onItemSaved}
      />
      <p className="item-link">
        <Link to={paths.item(workspace.id, item.id)}>Åbn punkt {item.number} i editoren</Link>
      </p>
    </section>
  );
}
