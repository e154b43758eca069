import { formatDanishDate } from '../core/danish-date.ts';
import type { AgendaItem, Meeting } from '../core/meeting.ts';

const kindNames = { agenda: 'Dagsorden', minutes: 'Referat' } as const;

/** A readable Danish summary of a parsed meeting and the parser's warnings. */
export function presentMeetingSummary(meeting: Meeting, warnings: readonly string[]): string {
  const when = `${formatDanishDate(meeting.date)}${meeting.start ? ` kl. ${meeting.start}` : ''}`;
  const lines = [
    `${kindNames[meeting.kind]}: ${meeting.forum}, ${when}${meeting.location ? `, ${meeting.location}` : ''}`,
    `${meeting.items.length} ${meeting.items.length === 1 ? 'punkt' : 'punkter'} fundet:`,
    ...meeting.items.map(presentItemLine),
  ];
  if (warnings.length === 0) {
    lines.push('Ingen advarsler.');
  } else {
    lines.push(`Advarsler (${warnings.length}):`, ...warnings.map((warning) => `  - ${warning}`));
  }
  return `${lines.join('\n')}\n`;
}

function presentItemLine(item: AgendaItem): string {
  const sections = [
    item.background && 'Anledning',
    item.presentation && 'Sagsfremstilling',
    item.recommendation && `Indstilling (${item.recommendation.points.length} at-punkter)`,
    item.decision && 'Beslutning',
    item.attachments.length > 0 && `Bilag (${item.attachments.length})`,
    item.absent.length > 0 && `Fraværende (${item.absent.length})`,
  ].filter(Boolean);
  const caseNumber = item.caseNumber ? ` [${item.caseNumber}]` : '';
  const closed = item.closed ? ' (lukket)' : '';
  return `  ${String(item.number).padStart(2)}. ${item.title}${caseNumber}${closed}\n      ${sections.join(', ') || 'ingen afsnit'}`;
}
