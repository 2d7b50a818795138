// Markdown from an untrusted source (a custom exercise's instructions, out of a link) → a small tree of safe
// nodes. There is no HTML on the way: the page builds elements from the tree with textContent
// (src/lab/safe-markdown-view.ts), so raw HTML in the Markdown shows as the text it is. The subset is what
// content/exercises/ instructions use: paragraphs, headings, lists, code, emphasis, links, quotes. A link
// keeps its target only when it is a path on this site (`/path`, not a bare `#anchor`, not one carrying an assignment
// link); any other (`javascript:`, `data:`, another origin) becomes plain text, and an image becomes its description: nothing is loaded from anywhere.
// Pure: no DOM.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  /** `href` is a path on this site (sameSiteHref). */
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  /** Under an exercise's own heading: `#` and `##` become level 3, deeper ones level 4. */
  | { kind: 'heading'; level: 3 | 4; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; children: Inline[] };

/** Emphasis inside emphasis inside…: past this depth the rest is text (no stack to exhaust). */
const MAX_DEPTH = 6;
/**
 * How far an opening `**`, `[` or backtick looks for its end. Unbounded, text full of unclosed openers would
 * take time quadratic in its length; no real span of emphasis or link label is this long.
 */
const WINDOW = 1_000;

/**
 * The target of a link that stays on this site, or undefined. A path must start with one `/` (`//host` and
 * `/\host` are other origins to a browser), and only URL characters that cannot start a scheme or escape the
 * attribute are allowed. A bare `#anchor` is not kept: the pages that show these instructions live on their
 * fragment (`#assignment=…`), and the instructions' headings carry no ids to jump to. Nor is a path that carries an
 * assignment (`/custom-exercise/#assignment=…`): one link's author would send the learner on to another link's
 * exercise, with its own setup and checks, from a page that looks like the first.
 */
export function sameSiteHref(url: string): string | undefined {
  return /^\/(?![/\\])[A-Za-z0-9\-._~/%?=&+#]*$/.test(url) && !/assignment=/i.test(url) ? url : undefined;
}

const fence = /^ {0,3}(`{3,}|~{3,})/;
// No lazy group before a trailing class: `(.*?)[ \t#]*$` backtracks quadratically on `# # # …x`.
const heading = /^ {0,3}(#{1,6})[ \t]+(.*)$/;

/** A heading's text without its closing `#`s and blanks, in one pass from the end. */
function headingText(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t#'.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}
const bullet = /^ {0,3}[-*+][ \t]+(.*)$/;
const numbered = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const quote = /^ {0,3}>[ \t]?(.*)$/;
const rule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export function parseSafeMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  const startsBlock = (line: string) =>
    fence.test(line) || heading.test(line) || bullet.test(line) || numbered.test(line) || quote.test(line);
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || rule.test(line)) {
      i++;
      continue;
    }
    const open = fence.exec(line);
    if (open) {
      const marker = open[1] ?? '```';
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker))
        body.push(lines[i++] ?? '');
      i++;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const head = heading.exec(line);
    if (head) {
      blocks.push({
        kind: 'heading',
        level: (head[1] ?? '').length <= 2 ? 3 : 4,
        children: parseInline(headingText(head[2] ?? '')),
      });
      i++;
      continue;
    }
    const listMatch = bullet.exec(line) ?? numbered.exec(line);
    if (listMatch) {
      const ordered = numbered.test(line);
      const items: string[] = [];
      const start = ordered ? Number(numbered.exec(line)?.[1] ?? 1) : 1;
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = ordered ? numbered.exec(current) : bullet.exec(current);
        if (item) items.push((ordered ? item[2] : item[1]) ?? '');
        // An indented line continues the item (a nested list is shown flat, as part of it).
        else if (/^[ \t]+\S/.test(current) && items.length > 0)
          items[items.length - 1] += `\n${current.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, start, items: items.map((item) => parseInline(item)) });
      continue;
    }
    if (quote.test(line)) {
      const body: string[] = [];
      for (let q = quote.exec(lines[i] ?? ''); q && i < lines.length; q = quote.exec(lines[++i] ?? ''))
        body.push(q[1] ?? '');
      blocks.push({ kind: 'quote', children: parseInline(body.join('\n')) });
      continue;
    }
    const body: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() !== '' &&
      !(body.length > 0 && startsBlock(lines[i] ?? ''))
    )
      body.push((lines[i++] ?? '').trim());
    blocks.push({ kind: 'paragraph', children: parseInline(body.join('\n')) });
  }
  return blocks;
}

/** Appends text, merging with a text node just before it. */
function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

/**
 * The destination inside `(…)`: `<…>` (which may hold spaces) or the first word, when what follows is nothing
 * or a quoted title (dropped, as it is only a tooltip). Anything else is kept whole, so that a target shown as
 * text loses nothing (`[y](</a b>)` shows `/a b`, not `/a`).
 */
function linkTarget(inside: string): string {
  const trimmed = inside.trim();
  const pointy = /^<([^<>\n]*)>(.*)$/s.exec(trimmed);
  const [target, rest] = pointy
    ? [pointy[1] ?? '', pointy[2] ?? '']
    : [trimmed.split(/\s/, 1)[0] ?? '', trimmed.slice((trimmed.split(/\s/, 1)[0] ?? '').length)];
  const title = rest.trim();
  return title === '' || /^(?:"[^"]*"|'[^']*')$/s.test(title) ? target : trimmed;
}

/** `[label](target)` at `from` (the `[`): label, target and the index after `)`; undefined if it is not one. */
function linkAt(text: string, from: number): { label: string; target: string; end: number } | undefined {
  let depth = 0;
  for (let j = from; j < Math.min(text.length, from + WINDOW); j++) {
    const char = text[j];
    if (char === '\\') j++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) {
      if (text[j + 1] !== '(') return undefined;
      const found = text.slice(j + 2, j + 2 + WINDOW).indexOf(')');
      if (found < 0) return undefined;
      const close = j + 2 + found;
      return { label: text.slice(from + 1, j), target: linkTarget(text.slice(j + 2, close)), end: close + 1 };
    }
  }
  return undefined;
}

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  if (depth > MAX_DEPTH) {
    pushText(out, text);
    return out;
  }
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      pushText(out, text[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (char === '`') {
      const ticks = /^`+/.exec(text.slice(i, i + WINDOW))?.[0] ?? '`';
      const found = text.slice(i, i + WINDOW).indexOf(ticks, ticks.length);
      const close = found < 0 ? -1 : i + found;
      if (close >= 0) {
        out.push({
          kind: 'code',
          text: text
            .slice(i + ticks.length, close)
            .replace(/\n/g, ' ')
            .trim(),
        });
        i = close + ticks.length;
        continue;
      }
      pushText(out, ticks);
      i += ticks.length;
      continue;
    }
    const image = char === '!' && text[i + 1] === '[' ? linkAt(text, i + 1) : undefined;
    if (image) {
      // Never an <img>: a picture from a link's author could track or mislead; its description stays.
      pushText(out, image.label);
      i = image.end;
      continue;
    }
    const link = char === '[' ? linkAt(text, i) : undefined;
    if (link) {
      const children = parseInline(link.label, depth + 1);
      const href = sameSiteHref(link.target);
      if (href) out.push({ kind: 'link', href, children });
      else {
        // Another origin or scheme: the label and the address, as text the learner can read but not follow.
        for (const child of children) child.kind === 'text' ? pushText(out, child.text) : out.push(child);
        pushText(out, ` (${link.target})`);
      }
      i = link.end;
      continue;
    }
    const ahead = char === '*' || char === '_' ? text.slice(i, i + WINDOW) : '';
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(ahead);
    if (strong && (char === '*' || !/[A-Za-z0-9]/.test(text[i - 1] ?? ''))) {
      out.push({ kind: 'strong', children: parseInline(strong[2] ?? '', depth + 1) });
      i += strong[0].length;
      continue;
    }
    const em = /^([*_])(?=[^\s*_])([\s\S]*?[^\s\\])\1(?![*_])/.exec(ahead);
    if (em && (char === '*' || !/[A-Za-z0-9]/.test(text[i - 1] ?? ''))) {
      out.push({ kind: 'em', children: parseInline(em[2] ?? '', depth + 1) });
      i += em[0].length;
      continue;
    }
    pushText(out, char);
    i++;
  }
  return out;
}

/** The text a tree shows, without markup: for summaries and tests. */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((node) => ('children' in node ? inlineText(node.children) : node.text)).join('');
}

export function blockText(blocks: readonly Block[]): string {
  return blocks
    .map((block) =>
      block.kind === 'code'
        ? block.text
        : block.kind === 'list'
          ? block.items.map(inlineText).join('\n')
          : inlineText(block.children),
    )
    .join('\n');
}
