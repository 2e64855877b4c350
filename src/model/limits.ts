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
  /**
   * Deepest nesting any importer accepts (the thesis is level 1). Real maps stay under 30 levels;
   * a file deeper than this is refused, naming the line, before its tree is built, so a
   * generated 3,000-level file cannot exhaust memory or the stack.
   */
  depth: 500,
} as const;

/** The refusal every importer gives for nesting past LIMITS.depth, naming the line. */
export function tooDeepMessage(depth: number): string {
  return `This is nested ${depth} levels deep; Warrant reads at most ${LIMITS.depth} levels. Nothing was imported.`;
}
