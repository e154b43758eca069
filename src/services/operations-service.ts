import { countFileTexts } from '../store/file-text-store.ts';
import { countArchiveSize } from '../store/meeting-store.ts';
import { countPendingDeliveries } from '../store/outbox-store.ts';
import type { Archive } from './archive-types.ts';

/** What an operator watches beside the requests: queues and the archive's growth. */
export interface OperationalGauges {
  /** Outbox deliveries waiting, per consumer (mail, followups). */
  outboxPending: Array<{ consumer: string; count: number }>;
  /** Bilag files whose text waits to be read (or is being read). */
  attachmentTextsWaiting: number;
  /** Meetings and items in the archive: an import under way shows as growth. */
  meetings: number;
  items: number;
}

/** Reads the gauges from the database, so that every instance reports the same. */
export async function readOperationalGauges(archive: Archive): Promise<OperationalGauges> {
  const db = archive.database.db;
  const [outboxPending, texts, size] = await Promise.all([
    countPendingDeliveries(db),
    countFileTexts(db),
    countArchiveSize(db),
  ]);
  return {
    outboxPending,
    attachmentTextsWaiting: texts.pending + texts.working,
    meetings: size.meetings,
    items: size.items,
  };
}
