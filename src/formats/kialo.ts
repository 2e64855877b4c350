/**
 * Kialo's plain-text discussion export, read in both of Kialo's layouts and written in the first:
 *
 *     Discussion Title: Can Religious Faith and Science Co-exist?
 *
 *     1. Religious Faith \(Theology\) and Science Can Co-exist.
 *     1.1. Con: Religious faith promotes unscientific thought.
 *     1.1.1. Pro: Some texts promote experimentation \([Malachi 3:10](https://example.org)\).
 *     1.1.2. Pro: -> See 1.1.1.
 *
 * The newer layout names the discussion with "Discussion Name:", marks the thesis "1. Thesis:",
 * indents claims by depth and lists sources at the end as numbered "[n]" entries that claims cite:
 *
 *     Discussion Name: Which energy should the town buy?
 *
 *     1. Thesis: Which energy should the town buy?
 *         1.1. Solar panels.
 *             1.1.1. Pro: Sunlight is free [1].
 *
 *     Sources:
 *     [1] https://example.org/solar
 *
 * A claim is `<path>. Pro: text`, `<path>. Con: text` or, in an options discussion, a bare
 * `<path>. text` (a neutral option). Text is Markdown with the characters Kialo escapes
 * ( ) [ ] < > @ and backslash given a backslash (links stay links) and may continue on following
 * lines. `-> See 1.2.` links to another claim, `-> See discussion #n: title` to another discussion:
 * both become link records, written back pointing at the same claim. Kialo has no quotes,
 * ratings, notes, authors or origins: an export leaves them out (see describeKialoLosses).
 */
import { newId } from '../model/ids.js';
import { LIMITS, tooDeepMessage } from '../model/limits.js';
import { buildTree, childrenOf } from '../model/tree.js';
import { FORMAT_VERSION, Origin, Relation, type ArgNode, type MapBundle } from '../model/types.js';
import type { FormatError, ImportResult } from './errors.js';
import { MAP_FORMAT, restore, type RestoreOptions } from './restore.js';
import { wrongFormat } from './sniff.js';
import { prepareImportText } from './text-input.js';

const TITLE_PREFIX = 'Discussion Title:';
const NAME_PREFIX = 'Discussion Name:';
/** A claim line: indentation, its path ("1.2.3"), then the text after "path. ". */
const CLAIM = /^([ \t]*)(\d+(?:\.\d+)*)\.(?:[ \t]([\s\S]*))?$/;
/** A continuation line that would read as a claim number gets a backslash before its last dot. */
const NUMBERED = /^([ \t]*\d+(?:\.\d+)*)(\\*\.(?:\s|$))/;
const NUMBERED_ESCAPED = /^([ \t]*\d+(?:\.\d+)*)\\(\\*\.(?:\s|$))/;
/**
 * A Markdown link with a plain label and an http(s) target: Kialo keeps these unescaped. The URL
 * may hold balanced parentheses (Wikipedia's "Mercury_(planet)"), which stay part of the link.
 */
const LINK = /\[([^[\]\\\n]*)\]\((https?:\/\/(?:[^\s()\\]|\([^\s()\\]*\))+)\)/y;
const SEE_CLAIM = /^-> See (\d+(?:\.\d+)*)\.?\s*$/;
const SEE_DISCUSSION = /^-> See discussion #([^\s:]+):?[ \t]*(.*)$/;
/** Characters Kialo puts a backslash before. */
const ESCAPED = '()[]<>@\\';
/** A source entry of the newer layout: "[3] text". */
const SOURCE_ENTRY = /^\[(\d+)\][ \t]+(\S.*)$/;
/** A citation of a numbered source inside a claim of the newer layout (not an escaped "\[3\]"). */
const CITE = /[ \t]?(?<!\\)\[(\d+)\](?!\()/g;

/**
 * Kialo's escaping of claim text: ( ) [ ] < > @ get a backslash, as does a backslash before one
 * of them (or before another backslash), so the reverse is exact; Markdown links are kept.
 */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    LINK.lastIndex = i;
    const link = text[i] === '[' ? LINK.exec(text) : null;
    if (link) {
      out += link[0];
      i += link[0].length - 1;
      continue;
    }
    const ch = text[i]!;
    if (ch === '\\') out += i + 1 < text.length && ESCAPED.includes(text[i + 1]!) ? '\\\\' : '\\';
    else if (ESCAPED.includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** Inverse of escapeText; on Kialo's own files it turns \( \) \[ \] \< \> \@ back into the character. */
function unescapeText(text: string): string {
  return text.replace(/\\([()[\]<>@\\])/g, '$1');
}

function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** One claim's text as lines: continuation lines that look like claim numbers are escaped. */
function textLines(text: string): string[] {
  return escapeText(normalize(text))
    .split('\n')
    .map((line, i) => {
      if (i === 0) return line;
      const m = NUMBERED.exec(line);
      return m ? `${m[1]}\\${line.slice(m[1]!.length)}` : line;
    });
}

/**
 * The map as Kialo discussion text. Statements, their pro/con/option structure and cross-links
 * are written: see describeKialoLosses for what is left out.
 */
export function exportKialo(bundle: MapBundle): string {
  const tree = buildTree(bundle.nodes);
  // Kialo writes the title as typed: no escapes, one line.
  const title = bundle.map.title.replace(/\s+/g, ' ').trim();
  const out: string[] = [`${TITLE_PREFIX} ${title}`, ''];
  const linkOf = new Map((bundle.links ?? []).map((l) => [l.nodeId, l]));
  // Paths first: a link may point at a claim written after it.
  const paths = new Map<string, string>();
  const order: Array<[ArgNode, string]> = [];
  // Iterative depth-first walk: a very deep map must not overflow the stack.
  const stack: Array<[ArgNode, string]> = [[tree.root, '1']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    paths.set(node.id, path);
    order.push([node, path]);
    const kids = childrenOf(tree, node.id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, `${path}.${i + 1}`]);
  }
  for (const [node, path] of order) {
    const link = linkOf.get(node.id);
    const target = link?.targetId !== undefined ? paths.get(link.targetId) : undefined;
    const lines =
      target !== undefined
        ? [`-> See ${target}.`]
        : link?.external
          ? [`-> See discussion #${link.external.ref}: ${link.external.title}`.trimEnd()]
          : textLines(node.text);
    const side = node.relation === Relation.supports ? 'Pro: ' : node.relation === Relation.opposes ? 'Con: ' : '';
    const prefix = node.parentId === null ? `${path}. ` : `${path}. ${side}`;
    out.push(prefix + lines[0], ...lines.slice(1));
  }
  return out.join('\n') + '\n';
}

/** What a Kialo export of `bundle` leaves out, in words for the person exporting. */
export function describeKialoLosses(bundle: MapBundle): string[] {
  const losses: string[] = [];
  const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const quotes = bundle.nodes.filter((n) => n.quote).length;
  const notes = bundle.nodes.filter((n) => n.notes).length;
  if (quotes) losses.push(`${count(quotes, 'essay quote', 'essay quotes')} (Kialo has no quotes)`);
  if (bundle.sources.length)
    losses.push(
      `${count(bundle.sources.length, 'source', 'sources')} and their citations (Kialo keeps sources only as links inside the text)`,
    );
  if (bundle.ratings.length)
    losses.push(`${count(bundle.ratings.length, 'rating', 'ratings')} (Kialo's export has no votes)`);
  if (notes) losses.push(`${count(notes, 'note', 'notes')}`);
  if (bundle.map.description || bundle.map.document) losses.push('the map description and source document');
  return losses;
}

interface KialoClaim {
  line: number;
  path: string;
  relation: Relation | null;
  lines: string[];
  /** Indentation of the claim line (newer layout), stripped from its continuation lines. */
  indent: number;
  id: string;
  parentId: string | null;
}

interface KialoSource {
  line: number;
  number: string;
  text: string;
}

/** Leading white space of `line`, up to `max` characters, removed. */
function dedent(line: string, max: number): string {
  let i = 0;
  while (i < max && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}

/** Reads Kialo discussion text in either layout. Errors and warnings name the line. */
export function importKialo(text: string, options: RestoreOptions = {}): ImportResult {
  const prepared = prepareImportText(text);
  if (!prepared.ok) return { ok: false, errors: [prepared.error] };
  const wrong = wrongFormat(prepared.text, 'kialo');
  if (wrong) return { ok: false, errors: [wrong] };
  const lines = prepared.text.split(/\r\n|\n|\r/);
  // The line break after the last line is not an empty last line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const errors: FormatError[] = [];
  const warnings: FormatError[] = [];
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let title: string | undefined;
  let titleLine = 1;
  let newer = false;
  const first = lines[i]?.replace(/^\uFEFF/, '') ?? '';
  if (first.startsWith(TITLE_PREFIX) || first.startsWith(NAME_PREFIX)) {
    newer = first.startsWith(NAME_PREFIX);
    title = unescapeText(first.slice((newer ? NAME_PREFIX : TITLE_PREFIX).length).trim());
    titleLine = i + 1;
    i++;
  } else if (i < lines.length && CLAIM.test(first)) {
    warnings.push({ line: i + 1, message: 'No "Discussion Title:" line: the thesis is used as the title.' });
  } else {
    return {
      ok: false,
      errors: [
        {
          line: i + 1,
          message:
            'This is not a Kialo discussion export: it should start with a "Discussion Title: ..." (or "Discussion Name: ...") line, then a blank line and "1. <thesis>".',
        },
      ],
    };
  }

  const claims: KialoClaim[] = [];
  const byPath = new Map<string, KialoClaim>();
  const sources: KialoSource[] = [];
  let inSources = false;
  let current: KialoClaim | null = null;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (claims.length > 0 && !inSources && (/^Sources:?[ \t]*$/i.test(raw) || (newer && SOURCE_ENTRY.test(raw)))) {
      // The newer layout ends with the numbered sources the claims cite.
      inSources = true;
      current = null;
      if (!SOURCE_ENTRY.test(raw)) continue;
    }
    if (inSources) {
      const entry = SOURCE_ENTRY.exec(raw);
      if (entry) sources.push({ line: lineNo, number: entry[1]!, text: entry[2]!.trim() });
      else if (raw.trim() !== '' && sources.length) sources[sources.length - 1]!.text += ` ${raw.trim()}`;
      continue;
    }
    // Only the newer layout indents claims; in the first an indented number is text.
    const m = CLAIM.exec(raw);
    if (m && (newer || m[1] === '')) {
      const indent = m[1]!.length;
      const path = m[2]!;
      const rest = m[3] ?? '';
      const depth = path.split('.').length;
      if (depth > LIMITS.depth) {
        // Refused at once: a generated file thousands of levels deep must not be parsed further.
        return { ok: false, errors: [{ line: lineNo, message: tooDeepMessage(depth) }] };
      }
      const parentPath = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
      const side = /^(Pro|Con):(?:[ \t]([\s\S]*))?$/.exec(rest);
      let claim: KialoClaim | null = null;
      if (claims.length === 0) {
        if (path !== '1') {
          errors.push({
            line: lineNo,
            message: `The first claim must be the thesis, numbered "1." (this line is numbered ${path}.).`,
          });
          continue;
        }
        const thesis = newer ? /^Thesis:[ \t]?([\s\S]*)$/.exec(rest) : null;
        claim = {
          line: lineNo,
          path,
          relation: null,
          lines: [thesis ? thesis[1]! : rest],
          indent,
          id: newId(),
          parentId: null,
        };
      } else if (parentPath !== null) {
        // A multi-part number is always a claim line: a broken one is an error, not text.
        current = null;
        const parent = byPath.get(parentPath);
        if (!parent)
          errors.push({
            line: lineNo,
            message: `Claim ${path} has no parent: there is no claim ${parentPath} above it.`,
          });
        else if (byPath.has(path)) errors.push({ line: lineNo, message: `Claim ${path} appears twice.` });
        else {
          // No "Pro:" or "Con:": a neutral option (Kialo's options discussions, "Which is best?").
          claim = {
            line: lineNo,
            path,
            relation: side ? (side[1] === 'Pro' ? Relation.supports : Relation.opposes) : Relation.neutral,
            lines: [side ? (side[2] ?? '') : rest],
            indent,
            id: newId(),
            parentId: parent.id,
          };
        }
        if (!claim) continue;
      } else {
        // "2. item" after the thesis: a numbered list inside a claim's text, not a claim.
        warnings.push({
          line: lineNo,
          message: `This line looks like claim ${path} but Kialo numbers claims 1.1, 1.2 ...: it was kept as part of the text above.`,
        });
      }
      if (claim) {
        claims.push(claim);
        byPath.set(claim.path, claim);
        current = claim;
        continue;
      }
    }
    if (!current) {
      if (raw.trim() !== '' && claims.length === 0)
        errors.push({ line: lineNo, message: 'Expected the thesis, numbered "1. ...", after the title.' });
      continue;
    }
    const own = newer ? dedent(raw, current.indent + 4) : raw;
    const unescaped = NUMBERED_ESCAPED.exec(own);
    current.lines.push(unescaped ? `${unescaped[1]}${own.slice(unescaped[1]!.length + 1)}` : own);
  }
  if (claims.length === 0 && errors.length === 0) {
    errors.push({
      line: lines.length || 1,
      message: 'The file has a title but no claims: it looks truncated (the thesis "1. ..." is missing).',
    });
  }
  const last = lines[lines.length - 1] ?? '';
  if (claims.length && !inSources && /^[ \t]*\d+(?:\.\d+)*\.(?:[ \t]+(?:Pro|Con|Thesis):?)?[ \t]*$/.test(last)) {
    errors.push({
      line: lines.length,
      message: 'The last line is a claim number with no text: the file looks truncated.',
    });
  }
  if (errors.length) return { ok: false, errors };

  const sourceId = new Map(sources.map((src) => [src.number, newId()]));
  const sourceRecords = sources.map((src) => {
    const url = /https?:\/\/[^\s<>]+/.exec(src.text)?.[0]?.replace(/[.,;)]+$/, '');
    const name = unescapeText(url ? src.text.replace(url, '') : src.text)
      .replace(/^[\s.,:;-]+|[\s.,:;-]+$/g, '')
      .trim();
    return {
      id: sourceId.get(src.number)!,
      title: (name || url || `Source ${src.number}`).slice(0, LIMITS.title),
      ...(url && { url }),
    };
  });
  const citations: Array<Record<string, unknown>> = [];
  const nodes: Array<Record<string, unknown>> = [];
  const links: Array<Record<string, unknown>> = [];
  const nodeLines: number[] = [];
  for (const c of claims) {
    let body = normalize(c.lines.join('\n'));
    if (sourceId.size) {
      const cited = new Set<string>();
      body = body
        .replace(CITE, (whole, n: string) => {
          if (!sourceId.has(n)) return whole;
          cited.add(n);
          return '';
        })
        .trim();
      for (const n of cited) citations.push({ nodeId: c.id, sourceId: sourceId.get(n)! });
    }
    // Kialo writes its links unescaped; an escaped "-\\> See" is a claim that merely says so.
    const see = SEE_CLAIM.exec(body);
    const seeDiscussion = SEE_DISCUSSION.exec(body);
    body = unescapeText(body);
    if (see && c.parentId !== null) {
      const target = byPath.get(see[1]!);
      if (target && target !== c) links.push({ nodeId: c.id, targetId: target.id });
      else
        warnings.push({
          line: c.line,
          message: `Claim ${c.path} is a Kialo link to claim ${see[1]}, which is not in this file; it was kept as a claim whose text is the link.`,
        });
    } else if (seeDiscussion && c.parentId !== null) {
      links.push({ nodeId: c.id, external: { title: seeDiscussion[2]!.trim(), ref: seeDiscussion[1]! } });
    }
    if (body === '' && citations.some((x) => x.nodeId === c.id)) body = 'Source';
    nodes.push({ id: c.id, parentId: c.parentId, relation: c.relation, text: body, origin: Origin.added });
    nodeLines.push(c.line);
  }
  const thesisText = String(nodes[0]!.text);
  let mapTitle = title && title.trim() !== '' ? title : thesisText.split('\n')[0]!.trim();
  if (mapTitle.length > LIMITS.title) {
    warnings.push({
      line: titleLine,
      message: `The title is longer than ${LIMITS.title} characters and was shortened.`,
    });
    mapTitle = `${mapTitle.slice(0, LIMITS.title - 1)}…`;
  }
  const file = {
    format: MAP_FORMAT,
    version: FORMAT_VERSION,
    map: { id: newId(), title: mapTitle },
    nodes,
    sources: sourceRecords,
    citations,
    links,
  };
  const result = restore(file, options);
  if (!result.ok) {
    return {
      ok: false,
      errors: result.errors.map((e) => {
        const rec = /^nodes\[(\d+)\](?: \(id "[^"]*"\))?\.?(.*)$/.exec(e.field ?? '');
        if (rec) {
          const claim = claims[Number(rec[1])];
          return {
            line: nodeLines[Number(rec[1])] ?? 1,
            field: `claim ${claim?.path ?? ''}${rec[2] ? ` ${rec[2]}` : ''}`.trim(),
            message: e.message,
          };
        }
        const src = /^sources\[(\d+)\]/.exec(e.field ?? '');
        if (src) return { ...e, line: sources[Number(src[1])]?.line ?? 1 };
        return { ...e, line: e.field?.startsWith('map') ? titleLine : (e.line ?? 1) };
      }),
    };
  }
  return { ok: true, bundles: result.bundles, warnings: [...warnings, ...result.warnings] };
}
