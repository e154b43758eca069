import { formatDanishDate, formatMeetingDate } from '../../core/danish-date.ts';
import type { ItemChange } from '../../core/publication-diff.ts';
import type { Recipient } from './mail-recipients.ts';

/*
 * The mails' words, in Danish, as plain text and as HTML made from the same blocks, so the
 * two parts always say the same. Pure: facts in, text out.
 */

/** The meeting as a mail names it. */
export interface MeetingFacts {
  forumName: string;
  date: string;
  start: string | null;
  location: string | null;
  /** The meeting's page in Referat. */
  url: string;
}

/** What a mail is about. */
export type MailContent =
  | { kind: 'agenda'; number: number; changes: readonly ItemChange[] }
  | { kind: 'minutes'; number: number; correctionReason: string | null }
  | { kind: 'invitation' }
  | { kind: 'cancellation'; reason: string | null };

/** A composed mail: subject, plain text and HTML. */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'link'; label: string; url: string };

/** The mail to one recipient about one meeting. */
export function composeMail(
  content: MailContent,
  meeting: MeetingFacts,
  recipient: Recipient,
): ComposedMail {
  const subject = subjectOf(content, meeting, recipient);
  const blocks: Block[] = [
    { type: 'paragraph', text: `Kære ${recipient.name}` },
    ...bodyOf(content, meeting, recipient),
    { type: 'link', label: 'Se mødet i Referat:', url: meeting.url },
    { type: 'paragraph', text: 'Med venlig hilsen\nReferat' },
    { type: 'paragraph', text: footerOf(meeting, recipient) },
  ];
  return { subject, text: renderText(blocks), html: renderHtml(subject, blocks) };
}

function subjectOf(content: MailContent, meeting: MeetingFacts, recipient: Recipient): string {
  const what = `${meeting.forumName} ${formatDanishDate(meeting.date)}`;
  switch (content.kind) {
    case 'agenda':
      if (recipient.role === 'deputy') return `Invitation som stedfortræder: ${what}`;
      return content.number > 1 ? `Ny udgave af dagsordenen: ${what}` : `Dagsorden: ${what}`;
    case 'minutes':
      return content.correctionReason === null ? `Referat: ${what}` : `Rettet referat: ${what}`;
    case 'invitation':
      return `Ændret tid eller sted: ${what}`;
    case 'cancellation':
      return `Aflyst: ${what}`;
  }
}

function bodyOf(content: MailContent, meeting: MeetingFacts, recipient: Recipient): Block[] {
  const forum = meeting.forumName;
  switch (content.kind) {
    case 'agenda':
      return [
        ...(recipient.role === 'deputy'
          ? [
              paragraph(
                `Du inviteres som stedfortræder for ${recipient.deputyFor ?? 'et medlem'}, som har meldt afbud til mødet i ${forum}.`,
              ),
            ]
          : content.number > 1
            ? [
                paragraph(
                  `Der er udsendt en ny udgave af dagsordenen til mødet i ${forum} (version ${content.number}).`,
                ),
              ]
            : [paragraph(`Dagsordenen til mødet i ${forum} er udsendt.`)]),
        paragraph(timeAndPlace(meeting)),
        ...(content.number > 1 && recipient.role === 'member' ? changesOf(content.changes) : []),
        ...apologiesOf(recipient),
        paragraph(
          'Dagsordenen er vedhæftet som PDF, og en kalenderinvitation til mødet følger med.',
        ),
      ];
    case 'minutes':
      return content.correctionReason === null
        ? [
            paragraph(
              `Referatet fra mødet i ${forum} ${formatMeetingDate(meeting.date).toLowerCase()} er udsendt.`,
            ),
            paragraph('Referatet er vedhæftet som PDF.'),
          ]
        : [
            paragraph(
              `Referatet fra mødet i ${forum} ${formatMeetingDate(meeting.date).toLowerCase()} er rettet (version ${content.number}).`,
            ),
            paragraph(`Begrundelse: ${content.correctionReason}`),
            paragraph('Det rettede referat er vedhæftet som PDF.'),
          ];
    case 'invitation':
      return [
        paragraph(`Tid eller sted for mødet i ${forum} er ændret. Mødet holdes nu:`),
        paragraph(timeAndPlace(meeting)),
        paragraph('Den vedhæftede kalenderinvitation erstatter den, du fik før.'),
      ];
    case 'cancellation':
      return [
        paragraph(
          `Mødet i ${forum} ${formatMeetingDate(meeting.date).toLowerCase()}${meeting.start ? ` kl. ${meeting.start}` : ''} er aflyst.`,
        ),
        ...(content.reason ? [paragraph(`Begrundelse: ${content.reason}`)] : []),
        paragraph('Kalenderinvitationen til mødet er trukket tilbage.'),
      ];
  }
}

function paragraph(text: string): Block {
  return { type: 'paragraph', text };
}

/** "Tid: Onsdag d. 14. juni 2017 kl. 13:00" and "Sted: Mødelokale 2". */
function timeAndPlace(meeting: MeetingFacts): string {
  const time = `Tid: ${formatMeetingDate(meeting.date)}${meeting.start ? ` kl. ${meeting.start}` : ''}`;
  return meeting.location ? `${time}\nSted: ${meeting.location}` : time;
}

function changesOf(changes: readonly ItemChange[]): Block[] {
  if (changes.length === 0) return [paragraph('Ingen punkter er ændret siden den forrige udgave.')];
  return [
    paragraph('Ændret siden den forrige udgave:'),
    { type: 'list', items: changes.map(describeChange) },
  ];
}

/** "Punkt 3: Budget 2018 – ændret (Sagsfremstilling, Indstilling)". */
export function describeChange(change: ItemChange): string {
  const item = `Punkt ${change.number}: ${change.title}`;
  switch (change.change) {
    case 'added':
      return `${item} – nyt punkt`;
    case 'removed':
      return `${item} – udgået`;
    case 'changed':
      return `${item} – ændret (${change.fields.join(', ')})`;
  }
}

function apologiesOf(recipient: Recipient): Block[] {
  if (!recipient.hasSentApologies) return [];
  return [
    paragraph(
      recipient.deputyName
        ? `Du har meldt afbud til mødet. Din stedfortræder, ${recipient.deputyName}, er inviteret i dit sted.`
        : 'Du har meldt afbud til mødet.',
    ),
  ];
}

function footerOf(meeting: MeetingFacts, recipient: Recipient): string {
  return recipient.role === 'deputy'
    ? `Du får denne e-mail fra Referat, fordi du er stedfortræder for ${recipient.deputyFor ?? 'et medlem'} i ${meeting.forumName}.`
    : `Du får denne e-mail fra Referat, fordi du er medlem af ${meeting.forumName}. Sekretariatet kan ændre, hvad du får tilsendt.`;
}

function renderText(blocks: readonly Block[]): string {
  return `${blocks.map(textOfBlock).join('\n\n')}\n`;
}

function textOfBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'link':
      return `${block.label}\n${block.url}`;
  }
}

function htmlOfBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text).replaceAll('\n', '<br>')}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'link':
      return `<p>${escapeHtml(block.label)} <a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`;
  }
}

function renderHtml(subject: string, blocks: readonly Block[]): string {
  return `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: 'Source Sans 3', Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b;">
${blocks.map(htmlOfBlock).join('\n')}
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The mails' layout, for other mails that look the same (the follow-up reminders). */
export { type Block as MailBlock, renderHtml as renderMailHtml, renderText as renderMailText };
