/**
 * Changing one rater's rating of a node field by field. A rater's evidence rating and relevance
 * rating of a node live in one record with a stable id, so that changing one keeps the other (and
 * a live room can later merge per field); clearing both removes the record: unrated, never 0.
 */
import { LIMITS } from './limits.js';
import type { Rating, RatingValue, Timestamp } from './types.js';

/** Which part of a rating a rater changes. */
export type RatingField = 'value' | 'relevance';

/** One change: set `field` to `to` (undefined clears it), and optionally the rationale. */
export interface RatingChange {
  field: RatingField;
  to: RatingValue | undefined;
  /** The one-line reason; undefined leaves it as it was, '' removes it. */
  rationale?: string;
}

/** What a new record is made of when the rater had none for this node. */
export interface NewRatingIdentity {
  id: string;
  mapId: string;
  nodeId: string;
  rater: string;
}

/**
 * The record after `change`: `before` with one field set or cleared (same id and createdAt), a new
 * record when there was none, or undefined when no rating is left in it.
 */
export function applyRatingChange(
  before: Rating | undefined,
  change: RatingChange,
  identity: NewRatingIdentity,
  stamp: Timestamp,
): Rating | undefined {
  const from = before ?? { ...identity, createdAt: stamp, updatedAt: stamp };
  const value = change.field === 'value' ? change.to : from.value;
  const relevance = change.field === 'relevance' ? change.to : from.relevance;
  if (value === undefined && relevance === undefined) return undefined;
  let rationale = from.rationale;
  if (change.rationale !== undefined) rationale = change.rationale.trim().slice(0, LIMITS.field) || undefined;
  // The key order files have (see restore): a record exports the same before and after a round trip.
  return {
    id: from.id,
    mapId: from.mapId,
    nodeId: from.nodeId,
    rater: from.rater,
    ...(value !== undefined && { value }),
    ...(relevance !== undefined && { relevance }),
    createdAt: from.createdAt,
    updatedAt: stamp,
    ...(rationale !== undefined && { rationale }),
  };
}
