/**
 * The fast path: Warrant's own export, read line by line.
 *
 * marked lexes every nested list level again (a node at depth d is lexed d + 1 times), which made
 * a 10,000-node map take seconds. Our own export has one fixed shape, so it is read here in one
 * pass over its lines, into exactly what parseDocumentTokens() makes of it. The reader accepts a
 * file only when every line is in that shape and nothing in it could make marked split it into
 * blocks differently; on anything else (hand-written or hand-edited Markdown, and any file with a
 * problem to report) it declines, and the file is read by marked as before. So it can only ever
 * give the same result, sooner. test/formats/markdown-reader.test.ts compares the two readers.
 */
import { decodeBlock, EDGE_MARK } from '../md-text.js';
import {
  applyLabel,
  parseCitations,
  emptyNode,
  headingTitle,
  parseDocument,
  parseMachine,
  parseSource,
  readMapHeader,
  readNodeMachine,
} from './fields.js';
import {
  emptyParsed,
  END_COMMENT,
  META_PARAGRAPH,
  OUR_LABEL,
  type Parsed,
  type ParsedNode,
  ParseState,
  QUOTE,
  type Reading,
} from './grammar.js';

/** Thrown inside the line reader at the first line that is not in the shape of our export. */
const NOT_OURS = new Error('not in the shape exportMarkdown() writes');

/**
 * Line starts with which marked may begin (or interrupt a paragraph with) a block other than
 * plain text, or read the line as part of one: list items, headings, code fences, thematic
 * breaks, setext underlines, table delimiter rows, leading whitespace (code, or a change of
 * indentation). "<" and "[" are checked apart (HTML blocks, link definitions); ">" (block quotes)
 * by the reader. The exporter escapes all of these in free text (md-text.ts), so a line that
 * starts with one is not ours.
 */
const BLOCK_START =
  /^(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:\s|$)|`{3}|~{3}|(?:-[ \t]*){3,}$|(?:_[ \t]*){3,}$|(?:\*[ \t]*){3,}$|(?:=+|-+)[ \t]*$|[|:\-\s]+$|\s)/;
/**
 * A link reference definition cannot start where "[label]" closes on the same line without a
 * ":" after it. (Its label may run on over lines, and its title over blank lines.)
 */
const NOT_A_DEFINITION = /^\[(?:\\.|[^\]\\])*\](?!:)/;
/**
 * "<" and a name that neither an HTML block of marked's nor a tag can continue (an autolink
 * such as <https://...>, a "<" in running text): text. Every other "<" may start an HTML block.
 */
const NOT_HTML = /^<(?:[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9-]|[ \t>/]|$)|(?![!?/A-Za-z]))/;
const ATX_HEADING = /^#{1,6}(?:\s|$)/;
/** A statement's machine data: MACHINE_START, the JSON, MACHINE_END. */
const NODE_MACHINE_LINE = /^<!-- warrant .* -->$/;
const MACHINE_START = '<!-- warrant ';
const MACHINE_END = ' -->';
const MAP_MACHINE_LINE = /^<!-- warrant-map (.*) -->$/;
const SOURCE_ITEM = /^\d{1,9}\. (?=\S)/;
/** GFM reads "[ ] ..." or "[x] ..." at the start of a list item as a task checkbox. */
const TASK_ITEM = /^\[[ xX]\][ \t]+\S/;
const SOURCE_DEFINITION = /^\[\d+\]: #source-\d+$/;
const LEGEND = /^\*(?:Ratings|Relevance|Standing):\*/;
const NOTES_LABEL = /^\*Notes:\* ?/;
const QUOTE_MARKER = /^> ?/;
const ENDS_IN_SPACE = /\s$/;

/** Whether a line of free text (indentation removed) could start a block in marked; see BLOCK_START. */
function startsBlock(core: string): boolean {
  const c = core.charCodeAt(0);
  // Most lines start with a letter, which starts nothing.
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return false;
  switch (c) {
    case 0x3c: // "<": an HTML block, except the empty comment that guards an edge of block text
      return core !== EDGE_MARK && !NOT_HTML.test(core);
    case 0x5b: // "["
      return !NOT_A_DEFINITION.test(core);
    default:
      return BLOCK_START.test(core);
  }
}

/** Lines joined with "\n" (one line as it is: join() would copy it). */
function joinLines(lines: readonly string[]): string {
  return lines.length === 1 ? lines[0]! : lines.join('\n');
}

/**
 * decodeBlock(), without its copies for the usual one line that has nothing to decode (no
 * character reference, escape or ordered-list escape at its start, no edge comment at its end).
 */
function decodeText(raw: string): string {
  const c = raw.charCodeAt(0);
  const plain =
    c !== 0x26 /* & */ &&
    c !== 0x5c /* \ */ &&
    !(c >= 0x30 && c <= 0x39) &&
    raw.indexOf('\n') === -1 &&
    !raw.endsWith(EDGE_MARK);
  return plain ? raw : decodeBlock(raw);
}

/**
 * A line without its indentation of exactly `ind` spaces, or null when it is less indented (it
 * belongs to an enclosing statement). Throws when it is indented more.
 */
function unindent(line: string, ind: number): string | null {
  return indented(line, ind) ? (ind ? line.slice(ind) : line) : null;
}

/** Whether a line is indented by exactly `ind` spaces (false: less); throws when it is more. */
function indented(line: string, ind: number): boolean {
  let lead = 0;
  while (line.charCodeAt(lead) === 0x20) lead++;
  if (lead < ind) return false;
  // More indented, or only spaces (which marked reads as a blank line).
  if (lead > ind || lead === line.length) throw NOT_OURS;
  return true;
}

/**
 * The line reader. Its cursor `i` is a 0-based line index; lines are reported 1-based. Statements
 * are indented by two spaces per level below the thesis, every block is followed by a blank line.
 */
class OwnExportReader {
  private readonly lines: string[];
  private i = 0;

  constructor(
    src: string,
    private readonly st: ParseState,
  ) {
    this.lines = src.split('\n');
  }

  read(): Parsed {
    const { lines, st } = this;
    let last = lines.length;
    while (last > 1 && lines[last - 1] === '') last--;
    const parsed = emptyParsed(last);
    // "# Title" and the header comment.
    const title = lines[0]!;
    // marked's heading rule ends at U+2028 or U+2029 (its "." does not match them).
    if ((title !== '#' && !title.startsWith('# ')) || /[\u2028\u2029]/.test(title)) throw NOT_OURS;
    parsed.title = headingTitle(title);
    const header = MAP_MACHINE_LINE.exec(lines[1] ?? '');
    if (!header) throw NOT_OURS;
    readMapHeader(parsed, header[1]!, 2, st);
    this.i = 2;
    this.blankLines();

    // Document line, description, legend: in this order, each optional; then the thesis.
    let stage = 0; // 1 after the document line, 2 in the description, 3 after the legend
    let descriptionStart = -1;
    let descriptionEnd = -1;
    for (;;) {
      const at = this.i;
      const line = lines[at];
      if (line === undefined) throw NOT_OURS;
      if (OUR_LABEL.exec(line)?.[1] === 'Thesis') break;
      if (line.startsWith('*Source document:*')) {
        if (stage > 0) throw NOT_OURS;
        this.alone();
        parsed.document = parseDocument(line, at + 1, st);
        parsed.documentLine = at + 1;
        stage = 1;
      } else if (LEGEND.test(line)) {
        this.alone();
        stage = 3;
      } else {
        if (stage === 3) throw NOT_OURS;
        if (descriptionStart < 0) descriptionStart = at;
        this.textBlock([], 0);
        descriptionEnd = this.i;
        stage = 2;
      }
      this.blankLines();
    }
    parsed.thesis = this.statement(0, '');
    if (descriptionStart >= 0)
      parsed.description = decodeText(joinLines(lines.slice(descriptionStart, descriptionEnd)));

    // "## Sources": one entry a line, then the reference definitions.
    if (lines[this.i] === '## Sources') {
      this.i++;
      this.blankLines();
      let position = 0;
      for (let line = lines[this.i]; line !== undefined && line !== ''; line = lines[++this.i]) {
        const item = SOURCE_ITEM.exec(line);
        if (!item) throw NOT_OURS;
        const text = line.slice(item[0].length);
        // A task checkbox is taken out of the item; trailing whitespace is trimmed (see statement()).
        if (TASK_ITEM.test(text) || ENDS_IN_SPACE.test(text)) throw NOT_OURS;
        const source = parseSource(text, this.i + 1, ++position, st);
        if (source) parsed.sources.push(source);
      }
      this.blankLines();
      while (SOURCE_DEFINITION.test(lines[this.i] ?? '')) this.i++;
      this.blankLines();
    }
    if (lines[this.i] !== END_COMMENT) throw NOT_OURS;
    parsed.hasEnd = true;
    for (let k = this.i + 1; k < lines.length; k++) if (lines[k] !== '') throw NOT_OURS;
    return parsed;
  }

  /** Skips blank lines. */
  private blankLines(): void {
    while (this.lines[this.i] === '') this.i++;
  }

  /** Steps over a block that must be the current line alone: a blank line follows. */
  private alone(): void {
    this.i++;
    const next = this.lines[this.i];
    if (next !== undefined && next !== '') throw NOT_OURS;
  }

  /**
   * One statement and everything under it: the thesis (depth 0) or a "- " item, whose first line
   * is the current line. Mirrors parseBody(): the text (with its label), then its details, then
   * the sub-points, which must come last.
   */
  private statement(depth: number, bullet: string): ParsedNode {
    const { lines, st } = this;
    const ind = 2 * depth;
    const top = depth === 0;
    const node = emptyNode(this.i + 1);
    const first = lines[this.i]!.slice(ind);
    if (!OUR_LABEL.test(first)) throw NOT_OURS;
    const text = [first];
    this.i++;
    this.textRun(text, ind, top);
    const rest = applyLabel(node, joinLines(text), bullet, st, node.line);
    if (top) node.relation = null;
    node.text = decodeText(rest);
    // The details and sub-points, tested in place (startsWith at `ind`) rather than on copies.
    let points = false;
    while (this.i < lines.length) {
      const at = this.i;
      const line = lines[at]!;
      if (!indented(line, ind)) break;
      if (line.startsWith('- ', ind)) {
        points = true;
        node.children.push(this.statement(depth + 1, '-'));
        continue;
      }
      if (top && (ATX_HEADING.test(line) || line === END_COMMENT)) break;
      if (points) throw NOT_OURS;
      if (line.charCodeAt(ind) === 0x3e /* > */) {
        const quote = QUOTE.exec(this.quoteBlock(ind) ?? '');
        if (!quote) throw NOT_OURS;
        if (node.quote) st.error(at + 1, 'A statement has one essay quote; this is a second one.');
        node.quote = { text: decodeText(quote[1]!), paragraph: Number(quote[2]) };
      } else if (line.startsWith('*Notes:*', ind)) {
        const notes = [line.slice(ind)];
        this.i++;
        this.textRun(notes, ind, top);
        node.notes = decodeText(joinLines(notes).replace(NOTES_LABEL, ''));
        continue;
      } else if (line.startsWith('*Sources:*', ind)) {
        this.alone();
        node.cites.push(...parseCitations(line.slice(ind), at + 1, st));
      } else if (
        line.startsWith('*Rating:*', ind) ||
        line.startsWith('*Relevance:*', ind) ||
        line.startsWith('*Standing:*', ind)
      ) {
        this.alone();
        // Summaries are computed, never read back; the per-rater data is in the machine comment.
        if (
          line.startsWith('*Rating:*', ind) ||
          line.startsWith('*Relevance:*', ind) ||
          line.includes('· *Rating:*', ind) ||
          line.includes('· *Relevance:*', ind)
        ) {
          node.hasSummary = true;
          node.summaryLine = at + 1;
        }
      } else {
        this.alone();
        const core = ind ? line.slice(ind) : line;
        if (!NODE_MACHINE_LINE.test(core)) throw NOT_OURS;
        const data = parseMachine(core.slice(MACHINE_START.length, -MACHINE_END.length), at + 1, st);
        node.machineLine = at + 1;
        if (data) readNodeMachine(node, data, at + 1, st);
      }
      this.blankLines();
    }
    // marked trims whitespace at the end of a list's last item (and reads any but spaces and
    // tabs as a paragraph of its own). The exporter guards such edges with the edge comment.
    if (!top && ENDS_IN_SPACE.test(this.lastContentLine())) throw NOT_OURS;
    return node;
  }

  /** The last line before the cursor that is not blank. */
  private lastContentLine(): string {
    let k = this.i - 1;
    while (this.lines[k] === '') k--;
    return this.lines[k] ?? '';
  }

  /**
   * A block quote block at the cursor: its lines' content without the ">" markers, with the
   * cursor moved past it; null (cursor unmoved) unless every line of the block is a ">" line.
   */
  private quoteBlock(ind: number): string | null {
    const { lines } = this;
    const start = this.i;
    const parts: string[] = [];
    for (let k = start; k < lines.length && lines[k] !== ''; k++) {
      const core = unindent(lines[k]!, ind);
      if (core === null || core.charCodeAt(0) !== 0x3e) return null;
      parts.push(core.replace(QUOTE_MARKER, ''));
    }
    this.i = start + parts.length;
    return parts.join('\n');
  }

  /**
   * Free text, from the current line to the blank line after the block: pushes each line
   * (indentation removed) onto `acc` and checks that marked reads the block as text too.
   * Returns whether the block holds a block quote.
   */
  private textBlock(acc: string[], ind: number): boolean {
    const { lines } = this;
    let quoted = false;
    let previous = 0; // 1 after a ">" line, 2 after the empty edge comment
    for (let line = lines[this.i]; line !== undefined && line !== ''; line = lines[++this.i]) {
      const core = unindent(line, ind);
      if (core === null) throw NOT_OURS;
      // The edge comment is an HTML block of its own, so a new block starts after it: one that
      // could be read as a label or a detail ("*Notes:* ...", "**Thesis:** ...") is not ours.
      if (previous === 2 && core.charCodeAt(0) === 0x2a /* * */) throw NOT_OURS;
      if (core.charCodeAt(0) === 0x3e /* > */) {
        // A block quote: it must run to the end of the block (no lazy continuation lines).
        quoted = true;
        previous = 1;
      } else {
        if (previous === 1 || startsBlock(core)) throw NOT_OURS;
        previous = core === EDGE_MARK ? 2 : 0;
      }
      acc.push(core);
    }
    return quoted;
  }

  /**
   * The rest of a run of free text (a statement's text, or its notes) whose first line is
   * already in `acc`: the rest of its block, then every following block that marked would read
   * as text too, up to the next detail, sub-point, or the end of the statement. The blank lines
   * between blocks are kept, as in joinRaw().
   */
  private textRun(acc: string[], ind: number, top: boolean): void {
    const { lines } = this;
    // The first line (a label) starts a paragraph; the rest of its block follows it.
    let quoted = this.textBlock(acc, ind);
    for (;;) {
      const blankStart = this.i;
      this.blankLines();
      const line = lines[this.i];
      if (line === undefined || !indented(line, ind)) break;
      if (line.startsWith('- ', ind) || line.startsWith(MACHINE_START, ind)) break;
      if (line.charCodeAt(ind) === 0x2a /* * */ && META_PARAGRAPH.test(line.slice(ind))) break;
      if (top && (ATX_HEADING.test(line) || line === END_COMMENT)) break;
      if (line.charCodeAt(ind) === 0x3e /* > */) {
        const start = this.i;
        const quote = this.quoteBlock(ind);
        this.i = start;
        if (quote !== null && QUOTE.test(quote)) break;
      }
      for (let k = blankStart; k < this.i; k++) acc.push('');
      quoted = this.textBlock(acc, ind) || quoted;
    }
    // marked would read a block quote inside the text as the essay quote if it looked like one.
    if (quoted && acc.some((line) => line.includes('(¶'))) throw NOT_OURS;
  }
}

/** Reads our own export line by line, or returns null so that marked reads the file. */
export function readOwnExport(src: string): Reading | null {
  const st = new ParseState();
  try {
    const parsed = new OwnExportReader(src, st).read();
    return st.errors.length ? null : { parsed, st };
  } catch (error) {
    if (error === NOT_OURS || error instanceof RangeError) return null;
    throw error;
  }
}
