/**
 * A reader for the documented core of Argdown (https://argdown.org/syntax/), small enough to ship
 * in the app (Argdown's own parser is large and needs Node 22: it is used only in the tests, as
 * the oracle this reader is checked against). Line based and iterative: no recursion on the
 * input's nesting, and nesting past LIMITS.depth is refused naming the line.
 *
 * Read: titled `[T]: text` and untitled statements, references `[T]`, arguments `<A>: text` and
 * `<A>`, relation outlines by indentation (`+ - _` incoming, `+> -> _>` outgoing, `<+ <- <_`,
 * `><` contradiction), premise-conclusion structures `(1) ... ---- (3) ...` (and `-- rule --`
 * inferences), `#tags` and `#(tags with spaces)`, headings, `//`, `/* *\/` and `<!-- -->` comments,
 * backslash escapes. `===` front matter (its `title:` is kept) and `{...}` data are skipped with
 * a warning.
 */
import { LIMITS, tooDeepMessage } from '../model/limits.js';
import type { FormatError } from './errors.js';

/** Relation types as @argdown/core names them. */
type ArgdownRelationType = 'support' | 'attack' | 'undercut' | 'contradictory';

/** A statement (an equivalence class: every use of one title) or an argument. */
export interface ArgdownEntity {
  key: string;
  kind: 'statement' | 'argument';
  /** The title as written; untitled statements get "Untitled n" as Argdown does. */
  title: string;
  untitled: boolean;
  /** Text of the first definition that has one ('' when only referenced). */
  text: string;
  tags: string[];
  /** The heading the entity was first written under, if any. */
  section?: string;
  /** Line of its first appearance. */
  line: number;
}

/** One relation, from -> to, as Argdown reads it (A supports B: from A to B). */
interface ArgdownRelation {
  from: string;
  to: string;
  type: ArgdownRelationType;
  line: number;
}

/** An argument's premise-conclusion structure: every premise and the main conclusion. */
interface ArgdownPcs {
  argument: string;
  premises: string[];
  conclusion: string;
  line: number;
}

/** What `readArgdown` found. */
interface ArgdownDocument {
  /** Front matter `title:` or the first heading. */
  title?: string;
  /** Entities in order of first appearance. */
  entities: ArgdownEntity[];
  relations: ArgdownRelation[];
  pcs: ArgdownPcs[];
  warnings: FormatError[];
}

export type ArgdownRead = { ok: true; doc: ArgdownDocument } | { ok: false; errors: FormatError[] };

const RELATION = /^(\+>|->|_>|<\+|<-|<_|><|\+|-|_)[ \t]+/;
const TITLED = /^\[((?:\\.|[^\]\\])+)\](?::[ \t]*([\s\S]*))?$/;
const ARGUMENT = /^<((?:\\.|[^>\\])+)>(?::[ \t]*([\s\S]*))?$/;
const PCS_LINE = /^\((\d+)\)[ \t]+([\s\S]*)$/;
const RULE = /^-{2,}[ \t]*$/;
const RULE_OPEN = /^--(?!-*[ \t]*$)/;
const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const TAG = /(^|[ \t])#(?:\(([^)]*)\)|([\p{L}\p{N}_-]+))/gu;

/** Removes comments and notes the lines they were in; keeps line numbering. */
function stripComments(lines: string[]): void {
  let inBlock = false;
  let blockEnd = '*/';
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let out = '';
    let j = 0;
    while (j < line.length) {
      if (inBlock) {
        const end = line.indexOf(blockEnd, j);
        if (end === -1) {
          j = line.length;
          break;
        }
        inBlock = false;
        j = end + blockEnd.length;
        continue;
      }
      const ch = line[j]!;
      if (ch === '\\') {
        out += line.slice(j, j + 2);
        j += 2;
        continue;
      }
      if (ch === '/' && line[j + 1] === '*') {
        inBlock = true;
        blockEnd = '*/';
        j += 2;
        continue;
      }
      if (ch === '<' && line.startsWith('<!--', j)) {
        inBlock = true;
        blockEnd = '-->';
        j += 4;
        continue;
      }
      // "//" starts a comment unless it is part of a URL ("https://").
      if (ch === '/' && line[j + 1] === '/' && line[j - 1] !== ':') {
        j = line.length;
        break;
      }
      out += ch;
      j++;
    }
    line = out;
    lines[i] = line;
  }
}

/** Text with tags and `{...}` data taken out, escapes undone, white space collapsed. */
function cleanText(raw: string, note: (what: 'data') => void): { text: string; tags: string[] } {
  const tags: string[] = [];
  let text = raw;
  // Data: a balanced {...} at the end of an element.
  const data = /(?:^|[ \t])\{[^{}]*\}[ \t]*$/.exec(text);
  if (data && !/\\\{/.test(data[0])) {
    text = text.slice(0, data.index);
    note('data');
  }
  text = text.replace(TAG, (_w, before: string, spaced: string | undefined, word: string | undefined) => {
    tags.push((spaced ?? word ?? '').trim());
    return before;
  });
  text = text.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
  return { text, tags };
}

function unescapeTitle(title: string): string {
  return title.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
}

/** Reads Argdown text. Errors and warnings name the line. */
export function readArgdown(source: string): ArgdownRead {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const warnings: FormatError[] = [];
  const errors: FormatError[] = [];
  let title: string | undefined;
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  if (/^===[ \t]*$/.test(lines[start] ?? '')) {
    const end = lines.findIndex((l, i) => i > start && /^===[ \t]*$/.test(l));
    if (end === -1)
      return { ok: false, errors: [{ line: start + 1, message: 'The "===" settings block is never closed.' }] };
    for (let i = start + 1; i < end; i++) {
      const t = /^title:[ \t]*(.+)$/.exec(lines[i]!);
      if (t) title = t[1]!.replace(/^["']|["']$/g, '').trim();
      lines[i] = '';
    }
    warnings.push({
      line: start + 1,
      message: `The "===" settings (lines ${start + 1}-${end + 1}) were skipped${title ? ' except the title' : ''}: Warrant has its own.`,
    });
    lines[start] = '';
    lines[end] = '';
  }
  stripComments(lines);

  const entities: ArgdownEntity[] = [];
  const byKey = new Map<string, ArgdownEntity>();
  const relations: ArgdownRelation[] = [];
  const relationKeys = new Set<string>();
  const pcs: ArgdownPcs[] = [];
  let untitled = 0;
  let section: string | undefined;
  let dataWarned = false;
  const note = (line: number) => (what: 'data') => {
    if (what === 'data' && !dataWarned) {
      dataWarned = true;
      warnings.push({ line, message: 'Argdown data in { } was skipped (Warrant does not use it).' });
    }
  };

  const entity = (
    kind: 'statement' | 'argument',
    rawTitle: string | null,
    rawText: string | undefined,
    line: number,
  ): ArgdownEntity => {
    const cleaned = rawText !== undefined ? cleanText(rawText, note(line)) : { text: '', tags: [] };
    let e: ArgdownEntity | undefined;
    if (rawTitle === null) {
      untitled++;
      const t = `Untitled ${untitled}`;
      e = { key: `s:${t}`, kind, title: t, untitled: true, text: '', tags: [], line };
    } else {
      const t = unescapeTitle(rawTitle);
      const key = `${kind === 'statement' ? 's' : 'a'}:${t}`;
      e = byKey.get(key) ?? { key, kind, title: t, untitled: false, text: '', tags: [], line };
    }
    if (!byKey.has(e.key)) {
      if (section !== undefined) e.section = section;
      byKey.set(e.key, e);
      entities.push(e);
    }
    if (!e.text && cleaned.text) e.text = cleaned.text;
    for (const tag of cleaned.tags) if (!e.tags.includes(tag)) e.tags.push(tag);
    return e;
  };

  const relate = (from: ArgdownEntity, to: ArgdownEntity, type: ArgdownRelationType, line: number): void => {
    // Argdown counts one relation per pair and type; a contradiction runs both ways.
    const key =
      type === 'contradictory'
        ? `${[from.key, to.key].sort().join('\u0000')}\u0000${type}`
        : `${from.key}\u0000${to.key}\u0000${type}`;
    if (relationKeys.has(key)) return;
    relationKeys.add(key);
    relations.push({ from: from.key, to: to.key, type, line });
  };

  /** Parses one element (after any relation symbol); null when the line is not an element. */
  const element = (body: string, line: number): ArgdownEntity => {
    const t = TITLED.exec(body);
    if (t) return entity('statement', t[1]!, t[2], line);
    const a = ARGUMENT.exec(body);
    if (a) return entity('argument', a[1]!, a[2], line);
    return entity('statement', null, body, line);
  };

  // Blocks are runs of non-empty lines. Inside a block, indentation gives the outline.
  let lastArgument: ArgdownEntity | null = null;
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    const first = lines[i]!.trim();
    const heading = HEADING.exec(first);
    if (heading && end === i + 1 && !/^#\(/.test(first)) {
      section = heading[2]!.replace(/\{[^{}]*\}\s*$/, '').trim();
      if (title === undefined) title = section;
      i = end;
      continue;
    }
    const isPcs = PCS_LINE.test(first);
    // Outline stack: [indent, entity] of the lines above the current one.
    const stack: Array<[number, ArgdownEntity]> = [];
    const premises: string[] = [];
    let pending: ArgdownEntity[] = [];
    let lastPcsStatement: ArgdownEntity | null = null;
    let current: ArgdownEntity | null = null;
    let inRule = false;
    for (let k = i; k < end; k++) {
      const raw = lines[k]!;
      const lineNo = k + 1;
      const indent = /^[ \t]*/.exec(raw)![0].replace(/\t/g, '    ').length;
      let body = raw.trim();
      if (isPcs) {
        if (inRule) {
          if (/--[ \t]*$/.test(body)) inRule = false;
          continue;
        }
        if (RULE.test(body) || RULE_OPEN.test(body)) {
          // An inference: what came before are premises (an intermediate conclusion is one too).
          premises.push(...pending.map((e) => e.key));
          pending = [];
          // "----" is a whole inference; "-- rule" and a bare "--" open one whose rules and data
          // run over the following lines up to a line ending in "--".
          const bare = /^--[ \t]*$/.test(body);
          if (bare || (!RULE.test(body) && !/^--.*--[ \t]*$/.test(body))) inRule = true;
          stack.length = 0;
          continue;
        }
        const step = PCS_LINE.exec(body);
        if (step && indent === 0) {
          const e = element(step[2]!, lineNo);
          pending.push(e);
          lastPcsStatement = e;
          stack.length = 0;
          stack.push([0, e]);
          current = e;
          continue;
        }
      }
      const rel = RELATION.exec(body);
      if (rel && (indent > 0 || stack.length > 0)) {
        while (stack.length && stack[stack.length - 1]![0] >= indent) stack.pop();
        const parent = stack[stack.length - 1];
        if (!parent) {
          errors.push({
            line: lineNo,
            message: `This relation ("${rel[1]}") has no statement or argument above it to belong to.`,
          });
          continue;
        }
        if (stack.length + 1 > LIMITS.depth) {
          return { ok: false, errors: [{ line: lineNo, message: tooDeepMessage(stack.length + 1) }] };
        }
        body = body.slice(rel[0].length);
        const child = element(body, lineNo);
        const p = parent[1];
        const sym = rel[1]!;
        if (sym === '+' || sym === '<+') relate(child, p, 'support', lineNo);
        else if (sym === '-' || sym === '<-') relate(child, p, 'attack', lineNo);
        else if (sym === '_' || sym === '<_') relate(child, p, 'undercut', lineNo);
        else if (sym === '+>') relate(p, child, 'support', lineNo);
        else if (sym === '->') relate(p, child, 'attack', lineNo);
        else if (sym === '_>') relate(p, child, 'undercut', lineNo);
        else relate(p, child, 'contradictory', lineNo);
        stack.push([indent, child]);
        current = child;
        continue;
      }
      if (stack.length === 0 && current === null) {
        const e = element(body, lineNo);
        stack.push([indent, e]);
        current = e;
        continue;
      }
      // Any other line continues the text of the element above it.
      if (current) {
        const more = cleanText(body, note(lineNo));
        current.text = current.text ? `${current.text} ${more.text}`.trim() : more.text;
        for (const tag of more.tags) if (!current.tags.includes(tag)) current.tags.push(tag);
      }
    }
    if (isPcs) {
      const argument = lastArgument ?? entity('argument', `Argument ${pcs.length + 1}`, undefined, i + 1);
      if (lastPcsStatement && premises.length) {
        pcs.push({
          argument: argument.key,
          premises: premises.filter((k) => k !== lastPcsStatement!.key),
          conclusion: lastPcsStatement.key,
          line: i + 1,
        });
      } else {
        warnings.push({
          line: i + 1,
          message:
            'This premise-conclusion structure has no "----" inference line; its statements were read without it.',
        });
      }
      lastArgument = null;
    } else {
      const only = stack.length === 1 && end === i + 1 ? stack[0]![1] : null;
      lastArgument = only && only.kind === 'argument' ? only : null;
    }
    i = end;
  }
  if (errors.length) return { ok: false, errors };
  if (entities.length === 0) {
    return { ok: false, errors: [{ line: 1, message: 'This Argdown text has no statements or arguments.' }] };
  }
  for (const e of entities) if (!e.text && !e.untitled) e.text = e.title;
  // "Argument A supports its own conclusion" says nothing the premise-conclusion structure does
  // not: Argdown drops it, and so does this reader.
  const conclusionOf = new Map(pcs.map((p) => [p.argument, p.conclusion]));
  const kept = relations.filter((r) => !(r.type === 'support' && conclusionOf.get(r.from) === r.to));
  const doc: ArgdownDocument = { entities, relations: kept, pcs, warnings };
  if (title) doc.title = title;
  return { ok: true, doc };
}
