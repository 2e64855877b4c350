/**
 * Markdown: how a debate class hands a map in. The export reads well raw and rendered on GitHub
 * (kinds in words, quotes with their paragraph, numbered sources, ratings and standing with their
 * meaning named), and reads back losslessly: export -> import -> export is byte-identical.
 *
 * Layout of an export (every part but the title and thesis is optional):
 *
 *     # Map title
 *     <!-- warrant-map {"version":1,"id":"..."} -->          machine data (invisible on GitHub)
 *
 *     *Source document:* Title · *Author:* ... · *Date:* ... · *Link:* <https://...>
 *
 *     Description ...
 *
 *     *Ratings:* ... *Relevance:* ... *Standing:* ...         what the numbers mean
 *
 *     **Thesis:** text                                        then the thesis's details, as below
 *
 *     - **Claim** (supports): text
 *
 *       > “quote from the essay” (¶12)
 *
 *       *Sources:* [1] p. 4; [2]
 *
 *       *Rating:* 2.5 of 4 (2 ratings) · *Relevance:* 3 of 4 (1 rating) · *Standing:* 0.63
 *
 *       *Notes:* ...
 *
 *       <!-- warrant {"id":"...","ratings":[["rater",3],{"rater":"other","value":2,"relevance":3}]} -->
 *                 a rater's rating: [rater, evidence] or [rater, evidence, why]; one that rates
 *                 relevance is an object {rater, value?, relevance, rationale?}
 *
 *       - **Counterpoint** (opposes, added by the class): text
 *
 *     ## Sources
 *
 *     1. <a id="source-1"></a>**Title** · *Authors:* ... · *Type:* news · *Link:* <https://...>
 *
 *     [1]: #source-1
 *
 *     <!-- warrant-end -->
 *
 * Free text is written with the encodings in ../md-text.ts. Timestamps are not exported (an import
 * takes the time of import); order keys are regenerated in the same sibling order; citation and
 * rating ids are re-derived from node + source and node + rater.
 */ export {
  exportMarkdown,
  MARKDOWN_FULL_RECORD,
  MARKDOWN_HAND_IN,
  type MarkdownExportOptions,
  type MarkdownStandings,
} from './export.js';
export { importMarkdown, readMarkdownWith } from './import.js';
