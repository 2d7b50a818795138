// Exercise text is rendered into every page that shows the exercise (instructions as Markdown → HTML through
// `set:html`, titles, messages and hints as text), so a contributed exercise must not be able to put script
// into the site. This finds what could: tags that run script or embed another document, event-handler
// attributes, and links whose scheme runs or smuggles content (javascript:, vbscript:, data:). The loader
// (load.ts) refuses such text naming file and field; src/components/exercise/markdown.ts checks the rendered
// HTML again with `htmlProblems`. Pure, no Node. It over-approximates on purpose: a code span showing
// `<script>` is refused too (write "script tag" instead); tests/unit/exercises/script-in-text.test.ts proves
// that whatever it accepts renders to HTML that `htmlProblems` accepts.

/** Tags that run script, load another document or change how the page's URLs and forms resolve. */
const dangerousTags = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'style',
  'form',
  'svg',
  'math',
  'template',
  'portal',
]);
/** Attributes whose value a browser treats as a URL to load or navigate to. */
const urlAttributes = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
  'cite',
  'codebase',
  'srcset',
  'lowsrc',
  'dynsrc',
]);
const dangerousSchemes = ['javascript', 'vbscript', 'data'];

// The character references that can spell a scheme's letters, its colon or the whitespace browsers skip.
const namedReferences: Record<string, string> = { colon: ':', Tab: '\t', NewLine: '\n', lpar: '(', sol: '/' };

/** Character references (`&#106;`, `&#x6A`, `&colon;`) and Markdown backslash escapes, decoded once. */
function decoded(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(
      /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?/g,
      (_, hex: string | undefined, dec: string | undefined) => {
        const code = hex ? Number.parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
      },
    )
    .replace(/&([A-Za-z]+);/g, (whole, name: string) => namedReferences[name] ?? whole);
}

/** The scheme a URL would have in a browser (which skips control characters and whitespace), if dangerous. */
function dangerousScheme(url: string): string | undefined {
  const plain = decoded(url)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these from URLs, so must we.
    .replace(/[\x00-\x20\x7f]+/g, '')
    .toLowerCase();
  return dangerousSchemes.find((scheme) => plain.startsWith(`${scheme}:`));
}

interface Tag {
  name: string;
  attributes: { name: string; value: string }[];
}

/**
 * Start tags as the HTML tokenizer reads them: `<` and a letter open a tag, whose attributes run to the next
 * `>` outside quotes. Every `<` is tried, even one inside another tag: Markdown may read `<a<script>` as the
 * text "<a" followed by a script tag, so a tag's attributes must not hide a tag that starts among them.
 */
export function htmlTags(text: string): Tag[] {
  const tags: Tag[] = [];
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', open + 1)) {
    const tag = tagAt(text, open + 1);
    if (tag) tags.push(tag);
  }
  return tags;
}

/** The start tag whose name begins at `start` (just after its `<`), or undefined if none does. */
function tagAt(text: string, start: number): Tag | undefined {
  if (!/[A-Za-z]/.test(text[start] ?? '')) return undefined;
  const tagName = (/^[^\s/>]+/.exec(text.slice(start, start + 200)) as RegExpExecArray)[0];
  const tag: Tag = { name: tagName.toLowerCase(), attributes: [] };
  let i = start + tagName.length;
  for (;;) {
    while (/[\s/]/.test(text[i] ?? '')) i += 1;
    if (i >= text.length || text[i] === '>') return tag;
    // A name runs to whitespace, "/", ">" or "=" (a leading "=" belongs to the name, as in the tokenizer).
    const name = (/^.[^\s/>=]*/s.exec(text.slice(i, i + 200)) as RegExpExecArray)[0];
    i += name.length;
    while (/\s/.test(text[i] ?? '')) i += 1;
    let value = '';
    if (text[i] === '=') {
      i += 1;
      while (/\s/.test(text[i] ?? '')) i += 1;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const end = text.indexOf(quote, i + 1);
        value = text.slice(i + 1, end === -1 ? text.length : end);
        i = end === -1 ? text.length : end + 1;
      } else {
        value = (/^[^\s>]*/.exec(text.slice(i)) as RegExpExecArray)[0];
        i += value.length;
      }
    }
    tag.attributes.push({ name: name.toLowerCase(), value });
  }
}

/** What is wrong with HTML (rendered instructions, or raw HTML in a text): each "Received … / Expected …". */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const tag of htmlTags(html)) {
    // `<javascript:alert(1)>` is a Markdown autolink, not a tag.
    const autolink = /^[a-z][a-z0-9+.-]{1,31}:/.exec(tag.name);
    if (autolink) {
      const scheme = dangerousScheme(tag.name);
      if (scheme) problems.push(linkProblem(scheme, 'an autolink'));
      continue;
    }
    if (dangerousTags.has(tag.name))
      problems.push(
        `Received a <${tag.name}> tag / Expected text without script, frames, objects, forms or embedded documents`,
      );
    for (const attribute of tag.attributes) {
      if (attribute.name.startsWith('on'))
        problems.push(
          `Received an event-handler attribute ${attribute.name}= on <${tag.name}> / Expected HTML without event handlers`,
        );
      const scheme = urlAttributes.has(attribute.name) ? dangerousScheme(attribute.value) : undefined;
      if (scheme) problems.push(linkProblem(scheme, `<${tag.name} ${attribute.name}>`));
    }
  }
  return problems;
}

function linkProblem(scheme: string, where: string): string {
  return `Received a ${scheme}: URL in ${where} / Expected an http:, https:, mailto: or relative link`;
}

/**
 * What is wrong with an exercise text (Markdown or plain): raw HTML as `htmlProblems` sees it, plus Markdown
 * link and image destinations `[x](…)`, `![x](…)` and reference definitions `[x]: …` with a dangerous scheme.
 */
export function scriptProblems(text: string): string[] {
  const problems = htmlProblems(text);
  for (const match of text.matchAll(/\]\(|\]:/g)) {
    // What follows, without the `<` of a `<…>` destination: the scheme is at its start. Whitespace is dropped
    // as a browser would, so this refuses a few broken links too, never lets a working one through.
    const rest = text.slice((match.index ?? 0) + 2, (match.index ?? 0) + 400).replace(/^[\s<]+/, '');
    const scheme = dangerousScheme(rest);
    if (scheme)
      problems.push(linkProblem(scheme, match[0] === '](' ? 'a Markdown link' : 'a link definition'));
  }
  return [...new Set(problems)];
}
