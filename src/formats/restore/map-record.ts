/** The map record of a file (`map`: id, title, description, its document, timestamps). */
import type { ArgumentMap } from '../../model/types.js';
import { validateUrl } from '../../model/url.js';
import { Checker, LONG, REQUIRED_TITLE, isObj, type Obj } from './checker.js';

const MAP_KEYS = new Set([
  'id',
  'title',
  'description',
  'document',
  'rootId',
  'createdAt',
  'updatedAt',
  'formatVersion',
]);
const DOCUMENT_KEYS = new Set(['title', 'author', 'date', 'url']);

/** The map record's fields as restored (each undefined when missing or refused). */
export interface MapFields {
  mapId: string | undefined;
  title: string | undefined;
  description: string | undefined;
  createdAt: string;
  updatedAt: string;
  document: ArgumentMap['document'];
}

/**
 * Restores the map record `m` (a checked object), reporting problems to `c`. `fallbackNow` dates
 * a map the file left undated.
 */
export function restoreMapRecord(c: Checker, m: Obj, fallbackNow: string): MapFields {
  c.unknownKeys(m, 'map', MAP_KEYS);
  const mapId = c.id(m, 'id', 'map');
  const title = c.str(m, 'title', 'map', REQUIRED_TITLE);
  const description = c.str(m, 'description', 'map', LONG);
  const createdAt = c.time(m, 'createdAt', 'map', fallbackNow);
  const updatedAt = c.time(m, 'updatedAt', 'map', createdAt);
  let document: ArgumentMap['document'];
  if (m.document !== undefined) {
    if (!isObj(m.document)) c.fail('map.document', 'must be an object with a title');
    else {
      const d = m.document;
      c.unknownKeys(d, 'map.document', DOCUMENT_KEYS);
      const dt = c.str(d, 'title', 'map.document', REQUIRED_TITLE);
      document = { title: dt ?? '' };
      const author = c.str(d, 'author', 'map.document');
      const date = c.str(d, 'date', 'map.document');
      const url = c.str(d, 'url', 'map.document');
      if (author) document.author = author;
      if (date) document.date = date;
      if (url) {
        const u = validateUrl(url);
        if (u.ok) document.url = u.url;
        else c.fail('map.document.url', u.reason);
      }
    }
  }
  return { mapId, title, description, createdAt, updatedAt, document };
}
