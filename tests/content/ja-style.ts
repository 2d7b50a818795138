// The house style for Japanese (the editor's JA-STYLE list) as checks a machine can make without false alarms:
// the replaced terms and the punctuation rules, always outside code. Used by tests/content/ja-style.test.ts on
// every Japanese page, UI string and exercise; tests/content/ja-style-matcher.test.ts proves each rule fires on
// a bad sample and stays quiet on the good ones that look alike (サーバー contains サーバ, and so on).
//
// What counts as code, so is never checked:
// - Markdown/MDX: fenced blocks, `inline code`, link destinations `](…)`, import/export blocks, frontmatter keys.
// - TypeScript (and Astro frontmatter): everything but string literals (comments are English notes to developers).
// - Exercise YAML: everything but the `ja` fields.
import yaml from 'js-yaml';
import ts from 'typescript';

export interface Finding {
  /** 1-based line in the file. */
  line: number;
  /** What was found, as written. */
  found: string;
  /** The form to use instead. */
  use: string;
}

/** Where a piece of text comes from: some rules depend on the file (課題 in the trainer's pages). */
interface Context {
  path: string;
}

/** A Japanese character, or punctuation that only Japanese text uses. ー and （ are Script=Common. */
const J = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー、。「」『』（）・：？！]';
const japanese = new RegExp(J, 'u');

interface Rule {
  find: RegExp;
  use: string;
  /** Returns true when this occurrence is the legitimate use (see the rule's comment). */
  allowed?: (context: Context, text: string, index: number) => boolean;
}

/**
 * 課題 is the trainer's assignment and nothing else (an exercise is 演習, one checked item a タスク). Allowed:
 * - anywhere in the trainer's pages and code (/trainer/, /assignment/, src/trainer/, src/components/trainer/),
 *   where every 課題 is an assignment: the builder, the link, the learner's view of it, the report;
 * - elsewhere only in the phrases that name the assignment: 課題にする／課題として (演習を), 課題のリンク.
 * Anything else (「この課題では」, 「課題ごとに合否」, a heading 「課題」 over the tasks) is an exercise or a task.
 */
const assignmentFiles = [
  /^content\/docs\/(trainer|assignment)\.mdx$/,
  /^src\/trainer\//,
  /^src\/components\/trainer\//,
];
const assignmentPhrase = /^課題(にする|にして|として|のリンク)/;

function isAssignment(context: Context, text: string, index: number): boolean {
  return assignmentFiles.some((file) => file.test(context.path)) || assignmentPhrase.test(text.slice(index));
}

/**
 * 層 for image and overlay layers is レイヤー; other layers (防御層, 「薄い層」, 「3 つの層」 in the kernel-stack
 * figure) are not layers of an image and stay. A regex cannot tell meaning, so it looks for 層 in a sentence
 * that also talks about images or overlayfs.
 */
const aboutImages = /イメージ|overlay|レイヤー|lowerdir|upperdir|上位|下位/i;

function inImageSentence(_context: Context, text: string, index: number): boolean {
  const start = text.lastIndexOf('。', index) + 1;
  const end = text.indexOf('。', index);
  return aboutImages.test(text.slice(start, end === -1 ? undefined : end));
}

/** The term table, in JA-STYLE's order. Every pattern is global; a lookahead keeps the long forms out. */
export const termRules: readonly Rule[] = [
  { find: /コンテナー/g, use: 'コンテナ' },
  { find: /メモリー/g, use: 'メモリ' },
  { find: /ブラウザー/g, use: 'ブラウザ' },
  { find: /サーバ(?!ー)/g, use: 'サーバー' },
  { find: /ユーザ(?!ー)/g, use: 'ユーザー' },
  { find: /フォルダ(?!ー)/g, use: 'フォルダー' },
  { find: /エミュレータ(?!ー)/g, use: 'エミュレーター' },
  { find: /エディタ(?!ー)/g, use: 'エディター' },
  // フィルタリング keeps its form (it is not フィルター + リング).
  { find: /フィルタ(?![ーリ])/g, use: 'フィルター' },
  { find: /コントローラ(?!ー)/g, use: 'コントローラー' },
  { find: /ハイパーバイザ(?!ー)/g, use: 'ハイパーバイザー' },
  {
    find: /(?<!階)層/g,
    use: 'レイヤー (image and overlay layers)',
    allowed: (c, t, i) => !inImageSentence(c, t, i),
  },
  { find: /ネームスペース/g, use: '名前空間' },
  {
    find: /課題/g,
    use: '演習 (an exercise) or タスク (a checked task); 課題 is only the trainer’s assignment',
    allowed: isAssignment,
  },
  { find: /進み具合/g, use: '進捗' },
  { find: /トレーナー/g, use: '講師' },
  { find: /著者/g, use: '作成者' },
  { find: /未達成|不合格/g, use: '未合格' },
  {
    find: /完了[(（]解答を見て[)）]|合格[(（]解答を見た[)）]|解答を見て完了|[(（]解答を参照[)）]/g,
    use: '完了（解答を表示）',
  },
  { find: /未確認/g, use: '未チェック' },
  { find: /確認できず/g, use: 'チェックできず' },
  { find: /持ち主/g, use: '所有者' },
  { find: /終了状態/g, use: '終了コード' },
  // The cgroup root: 根 on its own, not in a compound (根拠, 根本, 屋根) nor 根ざす.
  { find: /(?<!\p{Script=Han})根(?![\p{Script=Han}ざ])/gu, use: 'ルート' },
  // The exercise estimate, wherever it is a template.
  { find: /約\s*\{\w+\}\s*分/g, use: '目安 {n} 分' },
  { find: /あなたの/g, use: 'no 「あなたの」 (「ブラウザ内だけで」, 「名前」)' },
  { find: /\d+\s*台の(?:Linux\s*)?カーネル/g, use: '1 つのカーネル (a kernel is not a 台)' },
  { find: /(?:名前空間|cgroup)\s*にい(?=[るまたて])/g, use: '…に属する (processes 属する, not いる)' },
];

/** Half-width punctuation after Japanese, and ！ in running text. */
export const punctuationRules: readonly Rule[] = [
  // 「コントロールグループ (cgroup)」 too: one space between them does not make the parenthesis Latin.
  { find: new RegExp(`${J}…? ?\\(`, 'gu'), use: '（ (full-width after Japanese)' },
  { find: new RegExp(`${J}\\)`, 'gu'), use: '） (full-width after Japanese)' },
  { find: new RegExp(`${J}:`, 'gu'), use: '： (full-width after Japanese)' },
  { find: new RegExp(`${J}\\?`, 'gu'), use: '？ (full-width after Japanese)' },
  { find: new RegExp(`${J}!|！`, 'gu'), use: '。 (no ！ in running text)' },
  // Full-width punctuation carries its own space: 「（cgroup） の」 (left over from 「 (cgroup) 」) shows a gap,
  // before Latin text too (「。 Linux」); a table's cell border (「） |」) is not text.
  // So does 「**作業は残ります。** 作った…」, and without that space the bold would not close (CommonMark: **
  // after punctuation and before a letter does not close), so there the 。 goes after the bold: **…**。作った.
  {
    find: new RegExp(`[）」、。：][ \\t]+[^\\s|]|${J}[ \\t]+[（「]`, 'gu'),
    use: 'no space next to full-width brackets and punctuation (a bold sentence: **…**。 then the text)',
  },
];

const rules = [...termRules, ...punctuationRules];

/** Terms and punctuation in one line of text that holds no code (or whose code is masked). */
export function checkText(text: string, line: number, context: Context): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.find)) {
      if (rule.allowed?.(context, text, match.index)) continue;
      findings.push({ line, found: match[0], use: rule.use });
    }
  }
  return findings;
}

/** Inline code and link destinations out of a Markdown line; code becomes Latin filler. */
function maskCode(line: string): string {
  return line.replace(/(`+)(.+?)\1/g, (code) => 'x'.repeat(code.length)).replace(/\]\([^)\s]*\)/g, '](x)');
}

/** maskCode, and the emphasis markers dropped (「**カーネル**:」 is a colon after Japanese). */
export function maskMarkdown(line: string): string {
  return maskCode(line).replace(/\*{1,3}|_{2}/g, '');
}

const fence = /^\s*(`{3,}|~{3,})/;
/** Lines that start a block of their own, so the line before them ends its paragraph. */
const blockStart =
  /^\s*([-*+]\s|\d+[.)]\s|#{1,6}\s|`{3}|~{3}|[<{}|>]|:::|\[\^?[^\]]+\]:|(---|\*\*\*|___)\s*$)/;

/**
 * A Markdown or MDX file. Besides terms and punctuation: one paragraph on one source line, because a line break
 * inside Japanese text shows as a stray space (browsers do not drop it between Japanese characters).
 */
export function checkMarkdown(source: string, context: Context): Finding[] {
  const lines = source.split('\n');
  const findings: Finding[] = [];
  let i = 0;
  if (lines[0] === '---') {
    // Frontmatter: keys are code, values (title, description, hero text) are prose on one line each.
    for (i = 1; i < lines.length && lines[i] !== '---'; i++) {
      const value = (lines[i] ?? '').replace(/^\s*(- )?[\w.-]+:\s?/, '');
      findings.push(...checkText(maskMarkdown(value), i + 1, context));
    }
    i++;
  }
  let open: string | undefined;
  let esm = false;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const marker = fence.exec(line)?.[1];
    if (open) {
      if (marker && marker[0] === open[0] && marker.length >= open.length && line.trim() === marker)
        open = undefined;
      continue;
    }
    if (marker) {
      open = marker;
      continue;
    }
    // MDX's import/export blocks run to the next blank line (a String.raw script included).
    if (/^(import|export)\s/.test(line)) esm = true;
    if (esm) {
      esm = line.trim() !== '';
      continue;
    }
    const text = maskMarkdown(line);
    findings.push(...checkText(text, i + 1, context));
    const next = lines[i + 1] ?? '';
    const prose = !/^\s*([#<{}|]|:::)/.test(line);
    const hardBreak = / {2}$|\\$/.test(line);
    if (prose && !hardBreak && japanese.test(text) && next.trim() !== '' && !blockStart.test(next)) {
      findings.push({
        line: i + 1,
        found: `${line.trim().slice(-12)}⏎${next.trim().slice(0, 12)}`,
        use: 'one paragraph on one source line (a line break inside Japanese shows as a stray space)',
      });
    }
  }
  return findings;
}

/** Every string literal (and template part) in TypeScript, with its first line, 0-based. */
function stringLiterals(source: string, fileName: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateLiteralToken(node)
    )
      found.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** TypeScript: only string literals are text; each of their lines is checked like a line of prose. */
export function checkTypeScript(source: string, context: Context, firstLine = 1): Finding[] {
  return stringLiterals(source, context.path).flatMap(({ text, line }) =>
    text.split('\n').flatMap((part, k) => checkText(maskMarkdown(part), firstLine + line + k, context)),
  );
}

/** Astro: the frontmatter is TypeScript; the template's text (figures, tables) is checked line by line. */
export function checkAstro(source: string, context: Context): Finding[] {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  const frontmatter = match?.[1] ?? '';
  const findings = match ? checkTypeScript(frontmatter, context, 2) : [];
  const offset = match ? match[0].split('\n').length - 1 : 0;
  const template = source
    .slice(match?.[0].length ?? 0)
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, (block) => block.replace(/[^\n]/g, ''));
  template.split('\n').forEach((line, k) => {
    findings.push(...checkText(maskMarkdown(line), offset + k + 1, context));
  });
  return findings;
}

/** A JSON file of UI strings, one `"key": "value"` a line (content/i18n/ja.json): values only. */
export function checkJsonStrings(source: string, context: Context): Finding[] {
  return source
    .split('\n')
    .flatMap((line, k) => checkText(line.replace(/^\s*"[^"]*"\s*:\s*/, ''), k + 1, context));
}

interface JaField {
  /** 1-based line of `ja:`. */
  line: number;
  /** The value's source lines (quotes and block indicators removed), each with its file line. */
  parts: { text: string; line: number }[];
}

/** The `ja:` fields of an exercise.yaml, found line by line so that findings carry the file's line numbers. */
export function jaFields(source: string): JaField[] {
  const lines = source.split('\n');
  const fields: JaField[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*(?:- )?)ja:(?:\s+(.*))?$/.exec(lines[i] ?? '');
    if (!match) continue;
    const keyLine = i + 1;
    const keyIndent = match[1]?.length ?? 0;
    const first = match[2] ?? '';
    const parts: { text: string; line: number }[] = [];
    const block = /^[|>][-+]?$/.test(first.trim());
    if (!block) parts.push({ text: first, line: i + 1 });
    // Block scalars and multi-line plain or quoted ones continue on lines indented deeper than the key.
    while (i + 1 < lines.length) {
      const next = lines[i + 1] ?? '';
      const indent = /^\s*/.exec(next)?.[0].length ?? 0;
      if (next.trim() !== '' && indent <= keyIndent) break;
      if (next.trim() === '' && !block) break;
      i++;
      if (next.trim() !== '') parts.push({ text: next.trim(), line: i + 1 });
    }
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only) only.text = unquote(only.text);
    fields.push({ line: keyLine, parts });
  }
  return fields;
}

function unquote(text: string): string {
  if (text.startsWith('"') && text.endsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  return text;
}

/** Every `ja` value in parsed YAML, for checking that jaFields missed none. */
export function parsedJaValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(parsedJaValues);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      key === 'ja' && typeof inner === 'string' ? [inner] : parsedJaValues(inner),
    );
  return [];
}

/**
 * An exercise.yaml: the `ja` fields only (titles, messages and hints are plain text on the page). A field
 * spread over several lines would be joined with a space, so that is a finding too.
 */
export function checkExerciseYaml(source: string, context: Context): Finding[] {
  const fields = jaFields(source);
  const parsed = parsedJaValues(yaml.load(source));
  // The line scanner must see exactly what the YAML parser sees, or a finding could point at the wrong line.
  if (parsed.length !== fields.length)
    throw new Error(
      `${context.path}: found ${fields.length} ja fields by line, ${parsed.length} in the YAML`,
    );
  fields.forEach((field, k) => {
    const only = field.parts.length === 1 ? field.parts[0]?.text : undefined;
    if (only !== undefined && only !== parsed[k])
      throw new Error(
        `${context.path}:${field.line}: read ${JSON.stringify(only)}, the YAML says ${JSON.stringify(parsed[k])}`,
      );
  });
  return fields.flatMap((field) => {
    const findings = field.parts.flatMap((part) => checkText(maskMarkdown(part.text), part.line, context));
    const second = field.parts[1];
    if (second && field.parts.some((part) => japanese.test(part.text)))
      findings.push({
        line: second.line,
        found: `ja: on ${field.parts.length} lines`,
        use: 'one line per field (a line break inside Japanese shows as a stray space)',
      });
    return findings;
  });
}

export function formatFinding(path: string, finding: Finding): string {
  return `${path}:${finding.line}: 「${finding.found}」 → ${finding.use}`;
}
