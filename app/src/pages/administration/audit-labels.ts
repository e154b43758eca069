import type { AuditEntry } from '../../api/types.ts';

/** Danish names of the audited actions; an unknown action is shown as its code. */
const actionLabels: Record<string, string> = {
  sign_in: 'Log ind',
  sign_out: 'Log ud',
  'user.add': 'Opret bruger',
  'user.update': 'Ret bruger',
  'user.change_password': 'Skift adgangskode',
  'user.create_calendar_feed': 'Lav kalenderadresse',
  'user.revoke_calendar_feed': 'Slet kalenderadresse',
  'users.manage': 'Administrér brugere',
  'audit.read': 'Læs revisionsloggen',
  'forum.create': 'Opret forum',
  'forum.save': 'Ret forum',
  'meeting.create': 'Opret møde',
  'meeting.details': 'Ret mødets dato, tid og sted',
  'meeting.import': 'Importér møder',
  'meeting.read': 'Læs møde',
  'item.add': 'Tilføj punkt',
  'item.save': 'Gem punkt',
  'item.correct': 'Ret godkendt punkt',
  'item.delete': 'Slet punkt',
  'items.reorder': 'Flyt punkter',
  'attachment.add': 'Tilføj bilag',
  'attachment.remove': 'Fjern bilag',
  'attachment.read': 'Hent bilag',
  'agenda.edit': 'Ret dagsorden',
  'agenda.publish': 'Udsend dagsorden',
  'meeting.start': 'Start møde',
  'decision.enter': 'Skriv beslutning',
  'minutes.publish': 'Udsend referat',
  'minutes.approve': 'Godkend referat',
  'minutes.approvePrevious': 'Godkend forrige referat',
};

const outcomeLabels: Record<AuditEntry['outcome'], string> = {
  ok: 'Udført',
  refused: 'Afvist',
  failed: 'Mislykkedes',
};

const targetLabels: Record<string, string> = {
  user: 'Bruger',
  forum: 'Forum',
  meeting: 'Møde',
  item: 'Punkt',
  attachment: 'Bilag',
  audit: 'Revisionslog',
  session: 'Session',
};

/** "Opret bruger" for `user.add`: the action in Danish, or its code when it is unknown. */
export function actionLabel(action: string): string {
  return Object.hasOwn(actionLabels, action) ? (actionLabels[action] ?? action) : action;
}

/** "Udført", "Afvist" or "Mislykkedes". */
export function outcomeLabel(outcome: AuditEntry['outcome']): string {
  return outcomeLabels[outcome] ?? outcome;
}

/** "Møde 12", "Bruger 3", or "–" when the line has no target. */
export function targetLabel(entry: Pick<AuditEntry, 'targetType' | 'targetId'>): string {
  if (!entry.targetType) return '–';
  const type = Object.hasOwn(targetLabels, entry.targetType)
    ? targetLabels[entry.targetType]
    : entry.targetType;
  return entry.targetId ? `${type} ${entry.targetId}` : (type ?? '–');
}
