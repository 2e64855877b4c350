/** The ratings of a file: one current rating per rater per node. */
import type { Rating, RatingValue } from '../../model/types.js';
import { Checker, REQUIRED_RATER, Row, derivedId, isObj, list, type Obj } from './checker.js';

const RATING_KEYS = new Set(['id', 'nodeId', 'rater', 'value', 'relevance', 'rationale', 'createdAt', 'updatedAt']);

/** The raters seen on one node: a short list, or a Set once there are many (see addRater). */
type Raters = string[] | Set<string>;

/**
 * Notes that `rater` rated node `nodeKey`; false when it had already. A node has a class's worth
 * of raters at most, and a short list per node is cheaper than a Set per node (or a joined
 * string per rating); past 32 raters the list becomes a Set, so a file with thousands of raters
 * on one node is still checked in linear time.
 */
function addRater(ratersOf: Map<string, Raters>, nodeKey: string, rater: string): boolean {
  const raters = ratersOf.get(nodeKey);
  if (raters === undefined) {
    ratersOf.set(nodeKey, [rater]);
    return true;
  }
  if (Array.isArray(raters)) {
    if (raters.includes(rater)) return false;
    if (raters.length < 32) raters.push(rater);
    else ratersOf.set(nodeKey, new Set(raters).add(rater));
    return true;
  }
  if (raters.has(rater)) return false;
  raters.add(rater);
  return true;
}

/** Restores `raw.ratings` of map `mapId`, each on a node that exists, one per rater and node. */
export function restoreRatings(
  c: Checker,
  raw: Obj,
  mapId: string | undefined,
  nodeIds: ReadonlyMap<string, number>,
  createdAt: string,
): Rating[] {
  const ratings: Rating[] = [];
  // The raters seen per node id. The node id is spelled as `${nodeId}` would (so 'undefined' for
  // a bad one) and the rater likewise: the same pairs as the one-string key `${nodeId}\0${rater}`
  // used before (an id holds no \0, so that key split the same way), without building that
  // string for every rating.
  const ratersOf = new Map<string, Raters>();
  const ratingIds = new Set<string>();
  const rawRatings = list(c, raw, 'ratings');
  const ratingRow = new Row('ratings');
  for (let i = 0; i < rawRatings.length; i++) {
    const rr = rawRatings[i];
    ratingRow.at(i);
    if (!isObj(rr)) {
      c.failAt(ratingRow, '', 'must be an object');
      continue;
    }
    c.unknownKeys(rr, ratingRow, RATING_KEYS);
    const nodeId = c.id(rr, 'nodeId', ratingRow);
    const rater = c.str(rr, 'rater', ratingRow, REQUIRED_RATER);
    if (nodeId && !nodeIds.has(nodeId)) c.failAt(ratingRow, 'nodeId', `node "${nodeId}" does not exist`);
    // Evidence (`value`) and relevance are each optional, but a rating carries at least one.
    const v = rr.value;
    const rel = rr.relevance;
    const onScale = (x: unknown): x is RatingValue => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 4;
    if (v !== undefined && !onScale(v))
      c.failAt(ratingRow, 'value', 'must be a whole number from 0 (none) to 4 (decisive)');
    if (rel !== undefined && !onScale(rel)) {
      c.failAt(ratingRow, 'relevance', 'must be a whole number from 0 (irrelevant) to 4 (essential)');
    }
    // Without either, the message older files have always got (a rating needs its value).
    if (v === undefined && rel === undefined) {
      c.failAt(ratingRow, 'value', 'must be a whole number from 0 (none) to 4 (decisive)');
    }
    const nodeKey = nodeId ?? 'undefined';
    const raterKey = rater ?? 'undefined';
    if (!addRater(ratersOf, nodeKey, raterKey) && nodeId && rater) {
      c.failAt(ratingRow, '', `rater "${rater}" rates node "${nodeId}" twice`);
    }
    // A default id made from node and rater keeps re-importing the same file idempotent.
    const id =
      rr.id === undefined || rr.id === null ? derivedId(nodeId ?? '', '@', rater ?? '') : c.id(rr, 'id', ratingRow);
    if (id && ratingIds.has(id)) c.failAt(ratingRow, 'id', `duplicate rating id "${id}"`);
    if (id) ratingIds.add(id);
    const ratingCreatedAt = c.time(rr, 'createdAt', ratingRow, createdAt);
    // Key order as files have always had it: value before the timestamps.
    const r: Rating = {
      id: id ?? '',
      mapId: mapId ?? '',
      nodeId: nodeId ?? '',
      rater: rater ?? '',
      ...(onScale(v) && { value: v }),
      ...(onScale(rel) && { relevance: rel }),
      createdAt: ratingCreatedAt,
      updatedAt: c.time(rr, 'updatedAt', ratingRow, ratingCreatedAt),
    };
    const rationale = c.str(rr, 'rationale', ratingRow);
    if (rationale) r.rationale = rationale;
    ratings.push(r);
  }
  return ratings;
}
