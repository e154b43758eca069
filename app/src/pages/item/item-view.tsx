import { purposeLabel } from '../../../../src/core/forum-practice.ts';
import { orderByMembers } from '../../../../src/core/member-order.ts';
import type { EditableItem, ForumMember } from '../../api/types.ts';
import { CaseSystemLink } from '../../components/case-system-link.tsx';
import { MarkdownPreview } from '../../components/markdown-preview.tsx';
import { memberLabel } from '../meeting-mode/member-label.ts';
import { AttachmentLinks } from './attachment-links.tsx';

/**
 * An item to read, for those who may not change it: its facts, Anledning, Sagsfremstilling,
 * Indstilling, Beslutning, what is communicated, guests, Fraværende and Bilag, as the server shows them to this user (a
 * closed item is only its number and "Lukket punkt" to those without rights). Fraværende is
 * in the forum's member order, as everywhere else.
 */
export function ItemView({
  item,
  members = [],
}: {
  item: EditableItem;
  /** The forum's members, in order, for the order of Fraværende. */
  members?: readonly ForumMember[];
}) {
  const facts = [
    item.caseNumber ? `Journalnummer ${item.caseNumber}` : null,
    purposeLabel(item.purpose),
    item.durationMinutes ? `${item.durationMinutes} min` : null,
    item.closed ? 'Lukket punkt' : null,
  ].filter(Boolean);
  const hasContent = Boolean(
    item.background || item.presentation || item.recommendation?.points.length || item.decision,
  );
  return (
    <article className="panel item-view" aria-label={`Punkt ${item.number}`}>
      {facts.length > 0 ? <p className="item-facts">{facts.join(' · ')}</p> : null}
      {item.caseNumber ? (
        <CaseSystemLink caseNumber={item.caseNumber} className="item-facts" />
      ) : null}
      {item.closed && !hasContent ? (
        <p>Punktet er lukket. Indholdet kan kun læses af forummets medlemmer.</p>
      ) : null}
      <TextSection title="Anledning" text={item.background} />
      <TextSection title="Sagsfremstilling" text={item.presentation} />
      {item.recommendation && item.recommendation.points.length > 0 ? (
        <section className="recommendation-view">
          <h2>Indstilling</h2>
          <p>{item.recommendation.proposer} indstiller,</p>
          <ol>
            {item.recommendation.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {item.decision ? (
        <section>
          <h2>Beslutning</h2>
          <p className="preserve-lines">{item.decision}</p>
        </section>
      ) : null}
      {item.communication ? (
        <section>
          <h2>Kommunikeres ud</h2>
          <p className="preserve-lines">{item.communication}</p>
        </section>
      ) : null}
      {item.guests.length > 0 ? (
        <section>
          <h2>Deltagere under punktet</h2>
          <ul className="plain-list">
            {item.guests.map((guest) => (
              <li key={guest.name}>{memberLabel(guest)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {item.absent.length > 0 ? (
        <section>
          <h2>Fraværende</h2>
          <ul className="plain-list">
            {orderByMembers(item.absent, members).map((person) => (
              <li key={person.name}>{memberLabel(person)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Attachments item={item} />
    </article>
  );
}

function TextSection({ title, text }: { title: string; text: string | null }) {
  if (!text?.trim()) return null;
  return (
    <section>
      <h2>{title}</h2>
      <MarkdownPreview text={text} />
    </section>
  );
}

function Attachments({ item }: { item: EditableItem }) {
  if (item.attachments.length === 0) return null;
  return (
    <section>
      <h2>Bilag</h2>
      <AttachmentLinks attachments={item.attachments} />
    </section>
  );
}
