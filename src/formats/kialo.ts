/**
 * Kialo's plain-text discussion export, read and written:
 *
 *     Discussion Title: Can Religious Faith and Science Co-exist?
 *
 *     1. Religious Faith \(Theology\) and Science Can Co-exist.
 *     1.1. Con: Religious faith promotes unscientific thought.
 *     1.1.1. Pro: Some texts promote experimentation \([Malachi 3:10](https://example.org)\).
 *     1.1.2. Pro: -> See 1.1.1.
 *
 * A claim is `<path>. Pro: text` or `<path>. Con: text`, depth first; the thesis is `1. text`.
 * Text is Markdown with literal ( ) [ ] backslash-escaped (links stay links) and may continue on
 * following lines. `-> See 1.2.` links to another claim, `-> See discussion #n: title` to another
 * discussion. Kialo has no quotes, sources, ratings, notes, authors or origins: an export leaves
 * them out (see describeKialoLosses), an import has none.
 */
import { newId } from '../model/ids.js';
import { LIMITS } from '../model/limits.js';
import { buildTree, childrenOf } from '../model/tree.js';
import { FORMAT_VERSION, Origin, Relation, type ArgNode, type MapBundle } from '../model/types.js';
import type { FormatError, ImportResult } from './errors.js';
import { MAP_FORMAT, restore, type RestoreOptions } from './restore.js';
import { wrongFormat } from './sniff.js';
import { prepareImportText } from './text-input.js';

const TITLE_PREFIX = 'Discussion Title:';
/** A claim line: its path ("1.2.3"), then the text after "path. ". */
const CLAIM = /^(\d+(?:\.\d+)*)\.(?:[ \t]([\s\S]*))?$/;
/** A continuation line that would read as a claim number gets a backslash before its last dot. */
const NUMBERED = /^(\d+(?:\.\d+)*)(\\*\.(?:\s|$))/;
const NUMBERED_ESCAPED = /^(\d+(?:\.\d+)*)\\(\\*\.(?:\s|$))/;
/** A Markdown link with a plain label and an http(s) target: Kialo keeps these unescaped. */
const LINK = /\[([^[\]\\\n]*)\]\((https?:\/\/[^\s()\\]+)\)/y;
const SEE_CLAIM = /^-> See (\d+(?:\.\d+)*)\.?\s*$/;
const SEE_DISCUSSION = /^-> See discussion #(\d+)/;

/**
 * Kialo's escaping of claim text: literal ( ) [ ] get a backslash, as does a backslash before
 * one of them (or before another backslash), so the reverse is exact; Markdown links are kept.
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
    if (ch === '(' || ch === ')' || ch === '[' || ch === ']') out += `\\${ch}`;
    else if (ch === '\\' && i + 1 < text.length && '()[]\\'.includes(text[i + 1]!)) out += '\\\\';
    else out += ch;
  }
  return out;
}

/** Inverse of escapeText; on Kialo's own files it turns \( \) \[ \] back into ( ) [ ]. */
function unescapeText(text: string): string {
  return text.replace(/\\([()[\]\\])/g, '$1');
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
 * The map as Kialo discussion text. Only the statements and their pro/con structure are written:
 * see describeKialoLosses for what is left out.
 */
export function exportKialo(bundle: MapBundle): string {
  const tree = buildTree(bundle.nodes);
  const title = escapeText(bundle.map.title.replace(/\s+/g, ' ').trim());
  const out: string[] = [`${TITLE_PREFIX} ${title}`, ''];
  const visit = (node: ArgNode, path: string): void => {
    const lines = textLines(node.text);
    const prefix =
      node.parentId === null ? `${path}. ` : `${path}. ${node.relation === Relation.supports ? 'Pro' : 'Con'}: `;
    out.push(prefix + lines[0], ...lines.slice(1));
  };
  // Iterative depth-first walk: a very deep map must not overflow the stack.
  const stack: Array<[ArgNode, string]> = [[tree.root, '1']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    visit(node, path);
    const kids = childrenOf(tree, node.id);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, `${path}.${i + 1}`]);
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
  id: string;
  parentId: string | null;
}

/** Reads Kialo discussion text. Errors and warnings name the line. */
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
  if (i < lines.length && lines[i]!.startsWith(TITLE_PREFIX)) {
    title = unescapeText(lines[i]!.slice(TITLE_PREFIX.length).trim());
    titleLine = i + 1;
    i++;
  } else if (i < lines.length && CLAIM.test(lines[i]!)) {
    warnings.push({ line: i + 1, message: 'No "Discussion Title:" line: the thesis is used as the title.' });
  } else {
    return {
      ok: false,
      errors: [
        {
          line: i + 1,
          message:
            'This is not a Kialo discussion export: it should start with a "Discussion Title: ..." line, then a blank line and "1. <thesis>".',
        },
      ],
    };
  }

  const claims: KialoClaim[] = [];
  const byPath = new Map<string, KialoClaim>();
  let current: KialoClaim | null = null;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const m = CLAIM.exec(raw);
    if (m) {
      const path = m[1]!;
      const rest = m[2] ?? '';
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
        claim = { line: lineNo, path, relation: null, lines: [rest], id: newId(), parentId: null };
      } else if (parentPath !== null) {
        // A multi-part number is always a claim line: a broken one is an error, not text.
        current = null;
        const parent = byPath.get(parentPath);
        if (!side) errors.push({ line: lineNo, message: `Claim ${path} needs "Pro:" or "Con:" after its number.` });
        else if (!parent)
          errors.push({
            line: lineNo,
            message: `Claim ${path} has no parent: there is no claim ${parentPath} above it.`,
          });
        else if (byPath.has(path)) errors.push({ line: lineNo, message: `Claim ${path} appears twice.` });
        else {
          claim = {
            line: lineNo,
            path,
            relation: side[1] === 'Pro' ? Relation.supports : Relation.opposes,
            lines: [side[2] ?? ''],
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
    const unescaped = NUMBERED_ESCAPED.exec(raw);
    current.lines.push(unescaped ? `${unescaped[1]}${raw.slice(unescaped[1]!.length + 1)}` : raw);
  }
  if (claims.length === 0 && errors.length === 0) {
    errors.push({
      line: lines.length || 1,
      message: 'The file has a title but no claims: it looks truncated (the thesis "1. ..." is missing).',
    });
  }
  const last = lines[lines.length - 1] ?? '';
  if (claims.length && /^\d+(?:\.\d+)*\.(?:[ \t]+(?:Pro|Con):?)?[ \t]*$/.test(last)) {
    errors.push({
      line: lines.length,
      message: 'The last line is a claim number with no text: the file looks truncated.',
    });
  }
  if (errors.length) return { ok: false, errors };

  const nodes: Array<Record<string, unknown>> = [];
  const nodeLines: number[] = [];
  for (const c of claims) {
    const body = unescapeText(normalize(c.lines.join('\n')));
    const see = SEE_CLAIM.exec(body);
    if (see) {
      const target = byPath.get(see[1]!);
      warnings.push({
        line: c.line,
        message: target
          ? `Claim ${c.path} is a Kialo link to claim ${see[1]} ("${preview(unescapeText(normalize(target.lines.join('\n'))))}"); Warrant has no links, so it was kept as a claim whose text is the link.`
          : `Claim ${c.path} is a Kialo link to claim ${see[1]}, which is not in this file; it was kept as a claim whose text is the link.`,
      });
    } else if (SEE_DISCUSSION.test(body)) {
      warnings.push({
        line: c.line,
        message: `Claim ${c.path} links to another Kialo discussion; it was kept as a claim whose text is the link.`,
      });
    }
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
  const file = { format: MAP_FORMAT, version: FORMAT_VERSION, map: { id: newId(), title: mapTitle }, nodes };
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
        return { ...e, line: e.field?.startsWith('map') ? titleLine : (e.line ?? 1) };
      }),
    };
  }
  return { ok: true, bundles: result.bundles, warnings: [...warnings, ...result.warnings] };
}

function preview(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
