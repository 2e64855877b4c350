/**
 * (Its own module so the source picker can share it without loading the search index.)
 * Edits a match may need, as a share of the query's length. 0.23 allows none up to 4
 * characters (short queries would otherwise match nearly everything), one for 5-8 ("Pristna",
 * "Kosvo"), two for 9-13 ("Gorbachov", "Gorbechov"), three for 14-17.
 */
export const SEARCH_THRESHOLD = 0.23;
