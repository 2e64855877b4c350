/**
 * Size limits on what a map may hold. Generous enough for any real classroom text, small enough
 * that one pasted book cannot make the tree unusable or the database balloon.
 */
export const LIMITS = {
  /** Node text and notes (Markdown). 100 KB of text must be accepted. */
  text: 200_000,
  /** Titles of maps and sources. */
  title: 500,
  /** Short fields: authors, publisher, date, rater, pinpoint, reliability note, URL. */
  field: 5_000,
  /** An essay quote (the card asks for about 40 words; this only stops absurd input). */
  quote: 2_000,
  /** A person's name (author, rater, student): a name, not a paragraph. */
  name: 100,
} as const;
