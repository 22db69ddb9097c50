// Saves the archive export before a retention run: JSON and Excel through
// the platform's save path, each recorded as an access event (an export of
// personal data) BEFORE the file is produced, like every other export.
import type { IsoDate } from '../../../shared/domain/model';
import type { DueEntry, RetentionPolicy } from '../../../shared/retention';
import type { QuartierDb } from '../../db/db';
import type { WriteContext } from '../../db/repository';
import { api } from '../../platform/api';
import { bytesToBase64 } from '../../platform/base64';
import { recordAccessEvent } from '../audit/recordAccess';
import { exportFileName, saveExport } from '../exports/output';
import { archiveFileBase, archiveJsonBytes, archiveXlsxBytes, buildArchive, type ArchiveSheetLabels } from './archive';

export interface ArchiveSaveResult {
  json: boolean;
  xlsx: boolean;
}

export async function saveRetentionArchive(
  db: QuartierDb,
  ctx: WriteContext,
  due: readonly DueEntry[],
  asOf: IsoDate,
  policy: RetentionPolicy,
  labels: ArchiveSheetLabels,
): Promise<ArchiveSaveResult> {
  const archive = await buildArchive(db, due, asOf, policy, new Date().toISOString());
  const personIds = archive.persons.map((p) => p.id);
  const base = archiveFileBase(asOf);
  const description = `Archivexport vor einem Löschlauf: ${personIds.length} Personen.`;

  await recordAccessEvent(db, ctx, { kind: 'export', subject: 'retention.archive.json', description, personIds });
  const json = await api.filesSaveAs({ suggestedName: `${base}.json`, mimeType: 'application/json', data: bytesToBase64(archiveJsonBytes(archive)) });
  if (!json.saved) return { json: false, xlsx: false };

  await recordAccessEvent(db, ctx, { kind: 'export', subject: 'retention.archive.xlsx', description, personIds });
  const xlsx = await saveExport(await archiveXlsxBytes(archive, labels), exportFileName(base, 'xlsx'), 'xlsx');
  return { json: true, xlsx };
}
