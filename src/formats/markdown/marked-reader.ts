/**
 * The general reader: marked's block tokens (GFM) walked into Parsed. Reads hand-written Markdown
 * ("Pro:" / "Con:" lists, "+" / "-" bullets) as well as our own export.
 */
import { Marked, type Token, type Tokens } from 'marked';
import { Origin, Relation } from '../../model/types.js';
import { decodeBlock } from '../md-text.js';
import {
  applyLabel,
  emptyNode,
  headingTitle,
  parseDocument,
  parseCitations,
  parseMachine,
  parseSource,
  readMapHeader,
  readNodeMachine,
} from './fields.js';
import {
  emptyParsed,
  END_COMMENT,
  MACHINE_BLOCK,
  MAP_COMMENT,
  META_PARAGRAPH,
  NODE_COMMENT,
  OUR_LABEL,
  type Parsed,
  type ParsedNode,
  ParseState,
  QUOTE,
  type Reading,
} from './grammar.js';

/** A block token and the 1-based line it starts on. */
interface Entry {
  tok: Token;
  line: number;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Tokens with their line numbers: tokens are contiguous slices of their source, so lines add up. */
function withLines(tokens: readonly Token[], firstLine: number): Entry[] {
  let line = firstLine;
  return tokens.map((tok) => {
    const e = { tok, line };
    line += countNewlines(tok.raw);
    return e;
  });
}

function isText(tok: Token): tok is Tokens.Paragraph | Tokens.Text {
  return tok.type === 'paragraph' || tok.type === 'text';
}

function machineComment(tok: Token, name: typeof MAP_COMMENT | typeof NODE_COMMENT): string | null {
  if (tok.type !== 'html') return null;
  const m = MACHINE_BLOCK[name]!.exec(tok.raw);
  return m ? m[1]! : null;
}

/** What a block inside a node's body is. A link definition ("def") belongs to the text around it. */
type Kind = 'space' | 'text' | 'def' | 'quote' | 'sources' | 'numbers' | 'notes' | 'machine' | 'list';

function classify(tok: Token): Kind {
  if (tok.type === 'space') return 'space';
  if (tok.type === 'list') return 'list';
  if (tok.type === 'blockquote') return QUOTE.test(unquote(tok.raw)) ? 'quote' : 'text';
  if (isText(tok)) {
    const m = META_PARAGRAPH.exec(tok.raw);
    if (!m) return 'text';
    return m[1] === 'Sources' ? 'sources' : m[1] === 'Notes' ? 'notes' : 'numbers';
  }
  if (tok.type === 'html') return machineComment(tok, NODE_COMMENT) !== null ? 'machine' : 'text';
  if (tok.type === 'def') return 'def';
  return 'text';
}

/** The content of a blockquote's raw lines, the ">" markers removed. */
function unquote(raw: string): string {
  return raw
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => l.replace(/^ {0,3}> ?/, ''))
    .join('\n');
}

/** Raw text of consecutive tokens, without the blank lines after them. */
function joinRaw(entries: readonly Entry[]): string {
  return entries
    .map((e) => e.tok.raw)
    .join('')
    .replace(/\n+$/, '');
}

/**
 * Reads one node's body: its text (from `entries[0]`, which holds the label), then its details
 * in any order, then its child lists. `bullet` is the list marker ("" for the thesis).
 */
function parseBody(entries: readonly Entry[], bullet: string, st: ParseState, isThesis: boolean): ParsedNode {
  const node = emptyNode(entries[0]?.line ?? 1);
  let i = 0;
  const textEntries: Entry[] = [];
  for (; i < entries.length; i++) {
    const k = classify(entries[i]!.tok);
    if (k !== 'text' && k !== 'space' && k !== 'def') break;
    textEntries.push(entries[i]!);
  }
  while (textEntries.length && textEntries[textEntries.length - 1]!.tok.type === 'space') textEntries.pop();
  const raw = joinRaw(textEntries);
  const rest = applyLabel(node, raw, bullet, st, node.line);
  if (isThesis) node.relation = null;
  node.text = decodeBlock(rest);
  let notes: Entry[] | null = null;
  for (; i < entries.length; i++) {
    const { tok, line } = entries[i]!;
    const k = classify(tok);
    if (notes && (k === 'text' || k === 'space' || k === 'def')) {
      notes.push(entries[i]!);
      continue;
    }
    if (notes) {
      node.notes = finishNotes(notes);
      notes = null;
    }
    switch (k) {
      case 'space':
      case 'def':
        break;
      case 'quote': {
        const m = QUOTE.exec(unquote(tok.raw))!;
        if (node.quote) st.error(line, 'A statement has one essay quote; this is a second one.');
        node.quote = { text: decodeBlock(m[1]!), paragraph: Number(m[2]) };
        break;
      }
      case 'sources':
        node.cites.push(...parseCitations(tok.raw, line, st));
        break;
      case 'numbers':
        // Summaries are computed, never read back; the per-rater data is in the machine comment.
        if (/^\*(?:Rating|Relevance):\*/.test(tok.raw) || /· \*(?:Rating|Relevance):\*/.test(tok.raw)) {
          node.hasSummary = true;
          node.summaryLine = line;
        }
        break;
      case 'notes':
        notes = [entries[i]!];
        break;
      case 'machine': {
        const data = parseMachine(machineComment(tok, NODE_COMMENT)!, line, st);
        node.machineLine = line;
        if (data) readNodeMachine(node, data, line, st);
        break;
      }
      case 'list':
        node.children.push(...parseList(tok as Tokens.List, line, st));
        break;
      case 'text':
        st.error(
          line,
          'Text after the sources, rating, notes or sub-points of a statement: put the statement\'s text first, or start a new "- " item for a new point.',
        );
        break;
    }
  }
  if (notes) node.notes = finishNotes(notes);
  return node;
}

function finishNotes(entries: Entry[]): string {
  while (entries.length && entries[entries.length - 1]!.tok.type === 'space') entries.pop();
  return decodeBlock(joinRaw(entries).replace(/^\*Notes:\* ?/, ''));
}

function parseList(list: Tokens.List, line: number, st: ParseState): ParsedNode[] {
  const nodes: ParsedNode[] = [];
  let itemLine = line;
  for (const item of list.items) {
    const bullet = list.ordered ? '1.' : item.raw.trimStart()[0]!;
    if (bullet === '+') st.plusMinus = true;
    const entries = withLines(item.tokens, itemLine);
    nodes.push(
      entries.length ? parseBody(entries, bullet, st, false) : { ...emptyNode(itemLine), relation: Relation.supports },
    );
    itemLine += countNewlines(item.raw);
  }
  return nodes;
}

/** Reads the whole token stream into Parsed, reporting structural problems into `st`. */
function parseDocumentTokens(tokens: readonly Token[], src: string, st: ParseState): Parsed {
  const entries = withLines(tokens, 1);
  const parsed = emptyParsed(countNewlines(src.replace(/\n+$/, '')) + 1);
  let i = 0;
  const at = (): Entry | undefined => entries[i];
  const skipSpace = (): void => {
    while (at()?.tok.type === 'space') i++;
  };
  skipSpace();
  let titleFromHeading = false;
  const first = at();
  if (first && first.tok.type === 'heading' && first.tok.depth === 1) {
    parsed.title = headingTitle(first.tok.raw);
    parsed.titleLine = first.line;
    titleFromHeading = true;
    i++;
  }
  // Top-level blocks before the thesis: header, document line, description, legend.
  const description: Entry[] = [];
  let thesisStart = -1;
  for (; i < entries.length; i++) {
    const { tok, line } = entries[i]!;
    const header = machineComment(tok, MAP_COMMENT);
    if (header !== null) {
      readMapHeader(parsed, header, line, st);
      continue;
    }
    if (isText(tok) && /^\*Source document:\*/.test(tok.raw)) {
      parsed.document = parseDocument(tok.raw, line, st);
      parsed.documentLine = line;
      continue;
    }
    if (isText(tok) && /^\*(?:Ratings|Relevance|Standing):\*/.test(tok.raw)) continue;
    // In our own export only the bold label starts the thesis: a description may say "Thesis: ...".
    const handThesis = !parsed.hasHeader && /^(?:\*\*|__)?thesis(?:\*\*|__)?\s*:/i.test(tok.raw);
    if (isText(tok) && (OUR_LABEL.exec(tok.raw)?.[1] === 'Thesis' || handThesis)) {
      thesisStart = i;
      break;
    }
    if (tok.type === 'list' || tok.type === 'heading' || tok.raw.trim() === END_COMMENT) break;
    description.push(entries[i]!);
  }
  while (description.length && description[description.length - 1]!.tok.type === 'space') description.pop();
  while (description.length && description[0]!.tok.type === 'space') description.shift();

  // The thesis and the tree: up to the first heading (## Sources) or the end mark.
  const body: Entry[] = [];
  for (; i < entries.length; i++) {
    const { tok } = entries[i]!;
    if (tok.type === 'heading' || tok.raw.trim() === END_COMMENT) break;
    body.push(entries[i]!);
  }
  if (thesisStart >= 0) {
    parsed.thesis = parseBody(body, '', st, true);
    if (description.length) parsed.description = decodeBlock(joinRaw(description));
  } else if (titleFromHeading) {
    // Hand-written: the heading is the thesis, the top-level lists are its children.
    const thesis = emptyNode(parsed.titleLine);
    thesis.origin = Origin.added;
    thesis.text = parsed.title ?? '';
    if (description.length) parsed.description = decodeBlock(joinRaw(description));
    for (const e of body) {
      if (e.tok.type === 'list') thesis.children.push(...parseList(e.tok as Tokens.List, e.line, st));
      else if (e.tok.type !== 'space' && e.tok.type !== 'def') {
        st.error(
          e.line,
          'Text between the points of the list: put it inside an item (indented under it), or before the list.',
        );
      }
    }
    parsed.thesis = thesis;
  } else {
    // Hand-written without a heading: the first item of the first list is the thesis.
    const lists = body.filter((e) => e.tok.type === 'list');
    const firstList = lists[0];
    if (firstList) {
      const items = parseList(firstList.tok as Tokens.List, firstList.line, st);
      const thesis = items[0]!;
      thesis.relation = null;
      st.bareItems = st.bareItems.filter((l) => l !== thesis.line);
      for (const extra of items.slice(1)) {
        st.warnings.push({
          line: extra.line,
          message: 'A second top-level item: read as a point under the thesis (the first item).',
        });
        thesis.children.push(extra);
      }
      for (const e of lists.slice(1)) thesis.children.push(...parseList(e.tok as Tokens.List, e.line, st));
      parsed.thesis = thesis;
      if (description.length) parsed.description = decodeBlock(joinRaw(description));
    }
  }

  // ## Sources and the end mark.
  for (; i < entries.length; i++) {
    const { tok, line } = entries[i]!;
    if (tok.raw.trim() === END_COMMENT) {
      parsed.hasEnd = true;
      continue;
    }
    if (tok.type === 'heading' && /^sources$/i.test(tok.text.trim())) {
      const list = entries[i + 1]?.tok.type === 'space' ? entries[i + 2] : entries[i + 1];
      if (list && list.tok.type === 'list') {
        let itemLine = list.line;
        (list.tok as Tokens.List).items.forEach((item, k) => {
          const s = parseSource(item.text, itemLine, k + 1, st);
          if (s) parsed.sources.push(s);
          itemLine += countNewlines(item.raw);
        });
        i = entries.indexOf(list);
      }
      continue;
    }
    if (tok.type === 'space' || tok.type === 'def') continue;
    if (parsed.hasEnd)
      st.error(
        line,
        'Text after the end mark <!-- warrant-end -->: the file was changed after export; delete it or move it into the map.',
      );
    else st.warnings.push({ line, message: 'This part of the file is not part of the map and was left out.' });
  }
  return parsed;
}

export function readWithMarked(src: string): Reading {
  const st = new ParseState();
  const tokens = new Marked({ gfm: true, breaks: false, pedantic: false }).lexer(src);
  return { parsed: parseDocumentTokens(tokens, src, st), st };
}
