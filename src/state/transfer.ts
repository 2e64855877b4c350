/**
 * The export side of moving maps out of the app: file names, the download, the clipboard, one
 * map as text and the whole browser as a backup. (Imports: import-read.ts and import-write.ts.)
 */
import { saveBlob } from './download.js';
import type { WarrantDB } from '../db/database.js';
import { loadBundle } from '../db/maps-repo.js';
import { exportBackupJson, formatById, type ExportOptions, type FormatId } from '../formats/index.js';
import { now as currentTime } from '../model/ids.js';
import type { MapBundle } from '../model/types.js';
import { TransferError } from './transfer-error.js';

/** A file name for a map's export: its title in lower-case words joined by "-", then the extension. */
export function exportFileName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'map'}${extension}`;
}

/**
 * Saves `text` as a file (see saveBlob). Returns the Blob (tests read it back).
 */
export function download(filename: string, text: string, mime: string): Blob {
  const blob = new Blob([text], { type: `${mime};charset=utf-8` });
  saveBlob(filename, blob);
  return blob;
}

/** Result of copying: done, or why not with what to do instead. */
export type CopyResult = { ok: true } | { ok: false; message: string };

/** Copies `text` to the clipboard; when the browser refuses, says how to copy by hand. */
export async function copyToClipboard(text: string): Promise<CopyResult> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return { ok: true };
  } catch {
    return {
      ok: false,
      message:
        'The browser did not allow copying. Download the file instead, or select the preview and press Ctrl+C (⌘C on a Mac).',
    };
  }
}

export { standingsFor, standingsLabel } from './standings.js';

/** One map in one format, as text. */
export function exportText(bundle: MapBundle, format: FormatId, options?: ExportOptions): string {
  const info = formatById(format);
  if (!info.export) throw new TransferError(`${info.label} cannot be written.`);
  return info.export(bundle, options);
}

/** Every map in this browser as one JSON backup (read in one transaction: a consistent copy). */
export async function backupAllMaps(
  db: WarrantDB,
  options: { sourceTexts?: boolean } = {},
): Promise<{ filename: string; text: string; maps: number }> {
  // The essays' full texts come along unless asked not to (they can be large).
  const withTexts = options.sourceTexts ?? true;
  const tables = [db.maps, db.nodes, db.sources, db.citations, db.ratings, db.links, db.documents];
  const bundles = await db.transaction('r', tables, async () => {
    const ids = (await db.maps.orderBy('updatedAt').primaryKeys()) as string[];
    const all = await Promise.all(ids.map((id) => loadBundle(db, id)));
    const found = all.filter((b): b is MapBundle => b !== undefined);
    if (withTexts) {
      const docs = await db.documents.bulkGet(found.map((b) => b.map.id));
      docs.forEach((d, i) => {
        if (d) found[i]!.sourceText = { title: d.title, blocks: d.blocks };
      });
    }
    return found;
  });
  const date = currentTime().slice(0, 10);
  return { filename: `warrant-backup-${date}.json`, text: exportBackupJson(bundles), maps: bundles.length };
}
