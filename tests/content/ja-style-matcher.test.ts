// The Japanese style matcher (./ja-style.ts) on samples: every rule fires on a bad one, and the good forms that
// look alike stay quiet. Without this, ja-style.test.ts passing would prove nothing.
import { describe, expect, test } from 'vitest';
import {
  checkAstro,
  checkExerciseYaml,
  checkJsonStrings,
  checkMarkdown,
  checkText,
  checkTypeScript,
  formatFinding,
} from './ja-style.ts';

const page = { path: 'content/docs/sample.mdx' };
/** What checkText finds in one line, as "found → use" (the use text up to its first space or parenthesis). */
const found = (text: string, path = page.path) =>
  checkText(text, 1, { path }).map((f) => `${f.found} → ${f.use.split(/[ (]/)[0]}`);

describe('terms', () => {
  test.each([
    ['コンテナーを起動します。', 'コンテナー → コンテナ'],
    ['メモリーの上限です。', 'メモリー → メモリ'],
    ['ブラウザーの中で動きます。', 'ブラウザー → ブラウザ'],
    ['サーバにアップロードしません。', 'サーバ → サーバー'],
    ['ユーザ名前空間です。', 'ユーザ → ユーザー'],
    ['フォルダを置きます。', 'フォルダ → フォルダー'],
    ['エミュレータの中で', 'エミュレータ → エミュレーター'],
    ['エディタを読み込みます。', 'エディタ → エディター'],
    ['seccomp フィルタが入っている', 'フィルタ → フィルター'],
    ['メモリのコントローラが', 'コントローラ → コントローラー'],
    ['Type 1 のハイパーバイザです。', 'ハイパーバイザ → ハイパーバイザー'],
    ['ネームスペースを作ります。', 'ネームスペース → 名前空間'],
    ['進み具合のページへ', '進み具合 → 進捗'],
    ['トレーナー向け', 'トレーナー → 講師'],
    ['著者のためのページです。', '著者 → 作成者'],
    ['未達成', '未達成 → 未合格'],
    ['不合格のときに表示されます。', '不合格 → 未合格'],
    ['完了（解答を見て）', '完了（解答を見て） → 完了（解答を表示）'],
    ['合格（解答を見た）', '合格（解答を見た） → 完了（解答を表示）'],
    ['「解答を見て完了」として記録されます', '解答を見て完了 → 完了（解答を表示）'],
    ['未確認', '未確認 → 未チェック'],
    ['確認できず', '確認できず → チェックできず'],
    ['ファイルの持ち主', '持ち主 → 所有者'],
    ['終了状態 137 は SIGKILL です。', '終了状態 → 終了コード'],
    ['cgroup 階層の根です。', '根 → ルート'],
    ['約 {n} 分', '約 {n} 分 → 目安'],
    ['この課題では不要です。', '課題 → 演習'],
    ['イメージの 2 つのレイヤーと書き込み用の層を重ねます。', '層 → レイヤー'],
    ['あなたのブラウザの中だけで', 'あなたの → no'],
    ['1 台のカーネルの上で', '1 台のカーネル → 1'],
    ['ホストと同じ名前空間にいます。', '名前空間にい → …に属する'],
  ])('%s', (bad, expected) => {
    expect(found(bad)).toEqual([expected]);
  });

  test('the long forms and look-alikes are left alone', () => {
    expect(
      found(
        'サーバー、ユーザー、フォルダー、エミュレーター、エディター、フィルター、フィルタリング、コントローラー、ハイパーバイザー、メモリ、ブラウザ、コンテナ、名前空間に属するプロセス、根拠、屋根、階層、防御層、目安 {n} 分、約 50 ms',
      ),
    ).toEqual([]);
  });

  test('課題 is the assignment in the trainer’s pages and code, and in the phrases that name it elsewhere', () => {
    expect(found('課題のリンクを作る', 'content/docs/authoring.mdx')).toEqual([]);
    expect(found('講師向けページの「課題にする演習」の一覧に', 'content/docs/authoring.mdx')).toEqual([]);
    expect(found('演習を課題として配り', 'content/docs/index.mdx')).toEqual([]);
    expect(found('課題', 'src/trainer/strings.ts')).toEqual([]);
    expect(found('課題の内容はリンクの中です。', 'content/docs/assignment.mdx')).toEqual([]);
    expect(found('課題', 'src/lab/strings.ts')).toEqual(['課題 → 演習']);
    expect(found('課題ごとに合否を表示します。', 'content/docs/chapters/kernel-features.mdx')).toEqual([
      '課題 → 演習',
    ]);
  });

  test('層 outside a sentence about images stays (other layers are not image layers)', () => {
    expect(found('その上に薄い層を足すだけで済みます。overlayfs は次の節で。')).toEqual([]);
  });
});

describe('punctuation', () => {
  test.each([
    ['仮想化の分類(完全仮想化)', ['類( → （', '化) → ）']],
    ['コントロールグループ (cgroup) です。', ['プ ( → （']],
    ['/sys/fs/cgroup (ルート)', ['ト) → ）']],
    ['読み込んでいます…(少し待ちます)', ['す…( → （', 'す) → ）']],
    ['難易度:やさしい', ['度: → ：']],
    ['表示しますか?', ['か? → ？']],
    ['おつかれさまでした!', ['た! → 。']],
    ['おつかれさまでした！', ['！ → 。']],
    ['「進捗」(localStorage)', ['」( → （']],
    ['コントロールグループ（cgroup） のメモリ', ['） の → no']],
    ['ページの 「起動」を押す', ['の 「 → no']],
    ['動きます。 Linux は', ['。 L → no']],
  ])('%s', (bad, expected) => {
    expect(found(bad)).toEqual(expected);
  });

  test('half-width between Latin words, and full-width after Japanese, are fine', () => {
    expect(found('Type 1 (bare metal) と例：a:b、表示しますか？（JSON）の「起動」と Linux （外）')).toEqual(
      [],
    );
    expect(found('| コントロールグループ（cgroup） | CPU |')).toEqual([]);
  });
});

describe('Markdown and MDX', () => {
  const mdx = [
    '---',
    'title: コンテナー入門',
    'description: 概要(短い)です。',
    '---',
    '',
    "import X from '@mdx/X.astro';",
    'export const script = String.raw`echo 仮想化(テスト)',
    'exit 0`;',
    '',
    '`サーバ` はコードなので対象外です。[リンク](#名前空間と防御層) も同じです。',
    '',
    '```sh',
    'echo "サーバ(コードの中)"',
    '```',
    '',
    '文の途中で',
    '改行しています。',
    '',
    '- リストの項目も',
    '  続きの行は空白になります。',
    '- 次の項目は別の行で構いません。',
    '',
    '<Aside title="メモリー">',
    '  一行の段落です。',
    '</Aside>',
    '',
    '**ダイジェスト**: 強調の後のコロン',
    '- **作業は残ります。** 保存されます。',
    '- **作業は残ります**。保存されます。',
  ].join('\n');
  const findings = checkMarkdown(mdx, page).map((f) => `${f.line}: ${f.found}`);

  test('finds the bad forms with their lines, in frontmatter values, prose and JSX attributes', () => {
    expect(findings).toEqual([
      '2: コンテナー',
      '3: 要(',
      '3: い)',
      '16: 文の途中で⏎改行しています。',
      '19: - リストの項目も⏎続きの行は空白になります',
      '23: メモリー',
      '27: ト:',
      '28: 。 保',
    ]);
  });

  test('the message names file, line and the form to use', () => {
    const [first] = checkMarkdown(mdx, page);
    expect(first && formatFinding(page.path, first)).toBe(
      'content/docs/sample.mdx:2: 「コンテナー」 → コンテナ',
    );
  });
});

describe('TypeScript, Astro, JSON and exercise YAML', () => {
  test('only string literals count in TypeScript, with their line', () => {
    const source = [
      '// サーバ(コメントは対象外)',
      'const strings = {',
      "  ok: 'サーバーに送りません。',",
      "  bad: 'よろしいですか?',",
      '  multi: `一行目',
      '進み具合`,',
      '};',
    ].join('\n');
    expect(checkTypeScript(source, { path: 'src/x/strings.ts' }).map((f) => `${f.line}: ${f.found}`)).toEqual(
      ['4: か?', '6: 進み具合'],
    );
  });

  test('Astro: the frontmatter strings and the template text', () => {
    const source = ['---', "const t = { root: '/ (ルート)' };", '---', '', '<p>メモリーの図</p>'].join('\n');
    expect(
      checkAstro(source, { path: 'src/components/figures/X.astro' }).map((f) => `${f.line}: ${f.found}`),
    ).toEqual(['2: ト)', '5: メモリー']);
  });

  test('JSON: the values, not the keys', () => {
    expect(
      checkJsonStrings('{\n  "a.b": "検索結果: [COUNT] 件"\n}', { path: 'content/i18n/ja.json' }).map(
        (f) => `${f.line}: ${f.found}`,
      ),
    ).toEqual(['2: 果:']);
  });

  test('exercise YAML: the ja fields only, with their lines; a ja field over two lines is a finding', () => {
    const source = [
      'id: sample',
      'title:',
      '  ja: この課題では不要です',
      '  en: Not needed in this task (課題)',
      'tasks:',
      '  - id: t',
      '    hints:',
      '      - ja: "例：echo hello（終了状態 0）"',
      '        en: "For example: echo hello"',
      '      - ja: 長いヒントを',
      '          途中で折り返しました。',
      '        en: A long hint',
    ].join('\n');
    expect(
      checkExerciseYaml(source, { path: 'content/exercises/01-sample/exercise.yaml' }).map(
        (f) => `${f.line}: ${f.found}`,
      ),
    ).toEqual(['3: 課題', '8: 終了状態', '11: ja: on 2 lines']);
  });
});
