import { type FormEvent, useEffect, useId, useState } from 'react';
import { ApiError, messageOf } from '../../api/client.ts';
import { correctItem, itemConflictOf, patchItem } from '../../api/items.ts';
import type { EditableItem, ItemChanges, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MarkdownField } from '../../components/markdown-field.tsx';
import { Notice } from '../../components/notice.tsx';
import { useUnsavedGuard } from '../../hooks/use-unsaved-guard.ts';
import {
  communicationLengthText,
  longestCommunication,
} from '../meeting-mode/communication-status.ts';
import { AttachmentsEditor } from './attachments-editor.tsx';
import { ConflictPanel } from './conflict-panel.tsx';
import { GuestList } from './guest-list.tsx';
import {
  changesBetween,
  draftFromItem,
  fieldsOfDraft,
  hasSameContent,
  type ItemDraft,
} from './item-draft.ts';
import { ItemFields } from './item-fields.tsx';
import { RecommendationEditor } from './recommendation-editor.tsx';

/**
 * The item editor: the template's fields, the guests and presenters (planned with the agenda,
 * or added later), and, from the meeting on, Beslutning and "Kommunikeres ud", all saved
 * together with the item's version. Each field is open as far as the server's permissions
 * allow. A 409 shows both versions to choose from; on approved minutes, changes go through
 * "Ret (kræver begrundelse)" as a correction with a reason.
 */
export function ItemForm({
  workspace,
  item,
  onSaved,
  onReload,
}: {
  workspace: Workspace;
  item: EditableItem;
  onSaved: (item: EditableItem) => void;
  onReload: () => void;
}) {
  const id = useId();
  const { permissions } = workspace;
  const [base, setBase] = useState(item);
  const [draft, setDraft] = useState(() => draftFromItem(item));
  const [conflict, setConflict] = useState<EditableItem | null>(null);
  const [isCorrecting, setIsCorrecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  // A newer stored version with the same texts (a Bilag was added) becomes the new base.
  useEffect(() => {
    if (item.version > base.version && hasSameContent(item, base)) setBase(item);
  }, [item, base]);

  const canEditTexts = permissions.canEditAgenda || isCorrecting;
  const canEditDecision = permissions.canEnterDecisions || isCorrecting;
  const isDecisionShown = canEditDecision || permissions.isLocked || !!base.decision;
  const canEditGuests = permissions.canRecordAttendance || isCorrecting;
  const isCommunicationShown = canEditDecision || !!base.communication;
  const hasChanges = Object.keys(changesBetween(draft, base)).length > 0;
  useUnsavedGuard(hasChanges);
  const newest = item.version >= base.version ? item : base;
  const change = (partial: Partial<ItemDraft>): void => {
    setDraft((current) => ({ ...current, ...partial }));
    setNotice(null);
  };

  const send = async (version: number, changes: ItemChanges): Promise<void> => {
    setIsSaving(true);
    setError(null);
    setNotice(null);
    try {
      const saved = isCorrecting
        ? await correctItem(item.id, version, reason.trim(), changes)
        : await patchItem(item.id, version, changes);
      setBase(saved);
      setDraft(draftFromItem(saved));
      setConflict(null);
      setNotice(isCorrecting ? 'Rettelsen er gemt med begrundelsen.' : 'Punktet er gemt.');
      setIsCorrecting(false);
      setReason('');
      onSaved(saved);
    } catch (caught) {
      const stored = caught instanceof ApiError ? itemConflictOf(caught.body) : null;
      if (caught instanceof ApiError && caught.status === 409 && stored)
        setConflict(stored.current);
      else setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problem = validate(draft, isCorrecting ? reason : null);
    if (problem) {
      setError(problem);
      return;
    }
    const changes = changesBetween(draft, base);
    if (Object.keys(changes).length === 0) {
      setError(null);
      setNotice('Der er ingen ændringer at gemme.');
      return;
    }
    void send(base.version, changes);
  };

  // The user's own changes are sent again on the stored version: what the other person
  // changed in other fields is kept.
  const keepMine = (): void => {
    if (!conflict) return;
    const changes = changesBetween(draft, base);
    if (Object.keys(changes).length === 0) {
      setBase(conflict);
      setDraft(draftFromItem(conflict));
      setConflict(null);
      setNotice('Den gemte version er indlæst; du havde ingen ændringer.');
      return;
    }
    void send(conflict.version, changes);
  };

  const takeStored = (): void => {
    if (!conflict) return;
    setBase(conflict);
    setDraft(draftFromItem(conflict));
    setConflict(null);
    setNotice('Den gemte version er indlæst.');
    onSaved(conflict);
  };

  return (
    <>
      <ErrorAlert message={error} />
      <Notice message={notice} />
      {conflict ? (
        <ConflictPanel
          mine={draft}
          base={base}
          current={conflict}
          isBusy={isSaving}
          onKeepMine={keepMine}
          onUseStored={takeStored}
        />
      ) : null}
      {permissions.isLocked && permissions.canCorrect && !isCorrecting ? (
        <div className="locked-note">
          <p>
            Referatet er godkendt og låst. En rettelse gemmes som en ny version med begrundelse.
          </p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setIsCorrecting(true);
              setNotice(null);
            }}
          >
            Ret (kræver begrundelse)
          </button>
        </div>
      ) : null}
      <form className="item-form" onSubmit={submit} noValidate>
        <ItemFields
          draft={draft}
          disabled={!canEditTexts}
          purposes={workspace.forum.purposes}
          onChange={change}
        />
        <GuestList
          guests={draft.guests}
          disabled={!canEditGuests}
          onAdd={(guest) => {
            change({ guests: [...draft.guests, guest] });
            return true;
          }}
          onRemove={(index) =>
            change({ guests: draft.guests.filter((_, position) => position !== index) })
          }
        />
        <MarkdownField
          label="Anledning"
          rows={4}
          value={draft.background}
          disabled={!canEditTexts}
          onChange={(background) => change({ background })}
        />
        <MarkdownField
          label="Sagsfremstilling"
          rows={12}
          value={draft.presentation}
          disabled={!canEditTexts}
          hint="Markdown: **fed**, *kursiv*, lister med - og tabeller med | eller tabulator."
          onChange={(presentation) => change({ presentation })}
        />
        <RecommendationEditor
          proposer={draft.proposer}
          points={draft.points}
          disabled={!canEditTexts}
          onChange={(partial) => change(partial)}
        />
        {isDecisionShown ? (
          <div className="field">
            <label htmlFor={`${id}-decision`}>Beslutning</label>
            <textarea
              id={`${id}-decision`}
              rows={4}
              value={draft.decision}
              disabled={!canEditDecision}
              onChange={(e) => change({ decision: e.target.value })}
            />
          </div>
        ) : null}
        {isCommunicationShown ? (
          <div className="field">
            <label htmlFor={`${id}-communication`}>Kommunikeres ud</label>
            <textarea
              id={`${id}-communication`}
              rows={3}
              maxLength={longestCommunication}
              value={draft.communication}
              disabled={!canEditDecision}
              aria-describedby={`${id}-communication-hint`}
              onChange={(e) => change({ communication: e.target.value })}
            />
            <p id={`${id}-communication-hint`} className="hint">
              En kort besked, som cheferne tager med tilbage til deres afdelinger; tom, når intet
              skal kommunikeres ud. {communicationLengthText(draft.communication)}.
            </p>
          </div>
        ) : null}
        {isCorrecting ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>Begrundelse for rettelsen</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        ) : null}
        {canEditTexts || canEditDecision || canEditGuests ? (
          <div className="form-actions sticky-actions">
            <button type="submit" className="button-primary" disabled={isSaving}>
              {isCorrecting ? 'Gem rettelse' : 'Gem punkt'}
            </button>
            {isCorrecting ? (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setIsCorrecting(false);
                  setDraft(draftFromItem(base));
                  setReason('');
                }}
              >
                Annullér rettelse
              </button>
            ) : null}
            <span className="muted" aria-live="polite">
              {isSaving ? 'Gemmer…' : hasChanges ? 'Ændringer er ikke gemt endnu.' : ''}
            </span>
          </div>
        ) : null}
      </form>
      <AttachmentsEditor
        itemId={item.id}
        attachments={newest.attachments}
        canEdit={permissions.canEditAgenda}
        // Whether a Bilag is public is the secretaries' decision in every state.
        canSetAccess={permissions.canSetAttachmentAccess}
        onChanged={onReload}
      />
    </>
  );
}

function validate(draft: ItemDraft, reason: string | null): string | null {
  const fields = fieldsOfDraft(draft);
  if (!fields.title) return 'Punktet skal have en titel.';
  if (draft.durationMinutes.trim() && fields.durationMinutes === null)
    return 'Tiden skal være et helt antal minutter.';
  if (reason !== null && !reason.trim()) return 'Skriv en begrundelse for rettelsen.';
  return null;
}
