import type { ChapterSlug } from '../site/chapters.ts';
import type { Lang } from '../site/locales.ts';

/**
 * Every string of the exercise UI, the exercise index, /progress/ and the sidebar badges, in both languages.
 * Components render the ones the client needs into the page as JSON (`data-strings`).
 */
export const labStrings = {
  ja: {
    difficulty: '難易度：{d}',
    difficulty1: 'やさしい',
    difficulty2: 'ふつう',
    difficulty3: 'むずかしい',
    minutes: '目安 {n} 分',
    /** Between difficulty and time on one line (the index). */
    separator: '・',
    tasks: 'タスク',
    check: 'チェック',
    checking: 'チェックしています…',
    startingMachine: 'Linux を起動しています…',
    autoCheckNote: 'コマンドを実行するたびに自動でチェックします。',
    statusTodo: '未完了',
    statusPassed: '完了',
    statusHelp: '完了（解答を表示）',
    notChecked: '未チェック',
    resultPassed: '合格',
    resultFailed: '未合格',
    resultError: 'チェックできず',
    resultFailingNow: '合格済み（現在はチェックに通りません）',
    summary: '{passed} / {total} 個のタスクに合格しました。',
    summaryFailingNow: 'そのうち {n} 個は、現在チェックに通りません。',
    summaryErrors: 'チェックできなかったタスクが {n} 個あります。',
    evidence: 'チェックが確認した内容',
    noEvidence: '（出力なし）',
    timeout:
      'チェックが {s} 秒以内に終わらなかったため中止しました。しばらくしてからもう一度お試しください。',
    checkFailed: 'チェックを実行できませんでした（{reason}）。',
    machineError: 'Linux が動いていないため、チェックできません。プレイグラウンドの表示を確認してください。',
    setupFailed: 'この演習のセットアップが失敗しました（終了コード {code}）。',
    setupTimeout: 'この演習のセットアップが {s} 秒以内に終わらなかったため、中止しました。',
    setupCouldNotRun: 'この演習のセットアップを実行できませんでした（{reason}）。',
    /**
     * A site exercise: its setup is the site's own. Quotes the playground's Reset as it is labelled (playgroundStrings
     * `reset`; not imported, which would put every playground string on each exercise's page: a unit test compares).
     */
    setupAdviceSite:
      '「マシンをリセット」を押してください。それでも失敗する場合は、このサイトの不具合です。サイトの運営者に知らせてください。',
    /** A link's exercise: its author wrote the setup. Quotes the link machine's Reset (`resetLink`, LinuxPlayground.astro). */
    setupAdviceLink: '「この演習のマシンをリセット」を押すか、リンクの作成者に知らせてください。',
    setupOutput: 'セットアップの出力',
    setupOutputCut: 'セットアップの出力（最初の部分）',
    hint: 'ヒントを表示（{n} / {total}）',
    noMoreHints: 'ヒントはこれで全部です',
    hintsLabel: 'ヒント',
    hintLabel: 'ヒント {n}：',
    solution: '解答を表示',
    solutionLocked: '解答は、一度チェックすると表示できるようになります。',
    solutionConfirm: '解答を表示すると、この演習は「完了（解答を表示）」として記録されます。表示しますか？',
    solutionHeading: '解答例',
    success: 'すべてのタスクに合格しました。お疲れさまでした。',
    successHelp: 'すべてのタスクに合格しました。次は解答を見ずに挑戦してみましょう。',
    successFailingNow:
      'すべてのタスクに合格済みですが、現在はチェックに通らないタスクがあります。合格の記録はそのまま残ります。',
    widgetCheckNote: 'ウィジェットの値を変えるたびに自動でチェックします。',
    solutionState: '解答をウィジェットに反映',
    chapterLink: 'この演習の章を読む',
    indexLink: '演習の一覧へ',
    noStorage:
      'このブラウザには進捗を保存できません（プライベートモードなど）。ページを離れると記録は失われます。',
    corruptShort:
      '保存されていた進捗を読み込めなかったため、結果は表示するだけで保存しません（元のデータは消していません）。「進捗」のページで対処してください。',
    progressLink: '進捗のページへ',
    progressHref: '/progress/',
    sidebarPassed: '（{passed} / {total} 完了）',
  },
  en: {
    difficulty: 'Difficulty: {d}',
    difficulty1: 'easy',
    difficulty2: 'medium',
    difficulty3: 'hard',
    minutes: 'about {n} min',
    separator: ' · ',
    tasks: 'Tasks',
    check: 'Check',
    checking: 'Checking…',
    startingMachine: 'Starting Linux…',
    autoCheckNote: 'Your work is checked automatically after every command you run.',
    statusTodo: 'To do',
    statusPassed: 'Passed',
    statusHelp: 'Passed (with the solution)',
    notChecked: 'Not checked yet',
    resultPassed: 'Passed',
    resultFailed: 'Not yet',
    resultError: 'Could not check',
    resultFailingNow: 'Passed earlier; not true any more',
    summary: '{passed} of {total} tasks done.',
    summaryFailingNow: 'Now failing: {n} of them.',
    summaryErrors: 'Tasks that could not be checked: {n}.',
    evidence: 'What the check saw',
    noEvidence: '(no output)',
    timeout: 'The check did not finish within {s} seconds and was stopped. Please try again in a moment.',
    checkFailed: 'The check could not run ({reason}).',
    machineError: 'Linux is not running, so nothing can be checked. See the playground for what happened.',
    setupFailed: "This exercise's setup failed (exit code {code}).",
    setupTimeout: "This exercise's setup did not finish within {s} seconds and was stopped.",
    setupCouldNotRun: "This exercise's setup could not run ({reason}).",
    setupAdviceSite:
      'Press "Reset machine". If it fails again, it is a fault of this site: please tell the people who run it.',
    setupAdviceLink: `Press "Reset this exercise's machine" or tell the link's author.`,
    setupOutput: "The setup's output",
    setupOutputCut: "The setup's output (the beginning)",
    hint: 'Show a hint ({n} of {total})',
    noMoreHints: 'No more hints',
    hintsLabel: 'Hints',
    hintLabel: 'Hint {n}:',
    solution: 'Show the solution',
    solutionLocked: 'The solution becomes available after your first check.',
    solutionConfirm: 'Show the solution? This exercise will then be recorded as "passed with the solution".',
    solutionHeading: 'Solution',
    success: 'Every task is done. Well done!',
    successHelp: 'Every task is done (with the solution). Next time, try it without.',
    successFailingNow:
      'Every task passed earlier, but not all of them are true any more. Your passes stay recorded.',
    widgetCheckNote: 'Your answer is checked automatically each time you change the widget.',
    solutionState: 'Load the solution into the widget',
    chapterLink: "Read this exercise's chapter",
    indexLink: 'All exercises',
    noStorage:
      'This browser cannot store your progress (private mode?). It will be lost when you leave the page.',
    corruptShort:
      'Your saved progress could not be read, so results are shown but not saved (the original data is kept). See the Progress page for what to do.',
    progressLink: 'Go to the Progress page',
    progressHref: '/en/progress/',
    sidebarPassed: '({passed} of {total} done)',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type LabStrings = { [K in keyof (typeof labStrings)['ja']]: string };

/** Strings of /progress/ (export, import, corrupt data), in both languages. */
export const progressPageStrings = {
  ja: {
    chapter: '章',
    exercise: '演習',
    status: '状態',
    tasks: 'タスク',
    hints: '使ったヒント',
    export: '進捗をファイルに保存',
    import: 'ファイルから読み込み',
    importHelp:
      '別のブラウザで保存した進捗のファイル（JSON）を読み込み、いまの記録と統合します。記録が消えることはありません。',
    imported: '読み込みました。{n} 個の演習の記録を統合しました。',
    importFailed: 'このファイルは読み込めませんでした。いまの記録はそのままです。問題点：',
    readFailed: 'ファイルを読み込めませんでした（{reason}）。',
    corrupt:
      'このブラウザに保存されていた進捗が壊れていて、読み込めませんでした。問題点は次のとおりです。元のデータはまだ消していません。',
    downloadRaw: '壊れたデータをそのまま保存',
    startOver: '記録を削除して最初からやり直す',
    startOverConfirm:
      '保存されている進捗をすべて削除して、最初からやり直します。この操作は取り消せません。よろしいですか？',
    startedOver: '記録を削除しました。',
    noStorage:
      'このブラウザには進捗を保存できません（プライベートモードなど）。ページを離れると記録は失われます。ファイルに保存しておくと安心です。',
    summary: '{passed} / {total} 個の演習を完了しました。',
  },
  en: {
    chapter: 'Chapter',
    exercise: 'Exercise',
    status: 'Status',
    tasks: 'Tasks',
    hints: 'Hints used',
    export: 'Save progress to a file',
    import: 'Load from a file',
    importHelp:
      'Loads a progress file (JSON) saved in another browser and merges it with what is here. Nothing is lost.',
    imported: 'Loaded. Progress of {n} exercises was merged.',
    importFailed: 'This file could not be loaded. Your progress is unchanged. What was wrong:',
    readFailed: 'The file could not be read ({reason}).',
    corrupt:
      'The progress saved in this browser is damaged and could not be read. What was wrong is listed below. The original data has not been removed.',
    downloadRaw: 'Save the damaged data as it is',
    startOver: 'Delete it and start over',
    startOverConfirm: 'Delete all saved progress and start over? This cannot be undone.',
    startedOver: 'Progress deleted.',
    noStorage:
      'This browser cannot store your progress (private mode?). It will be lost when you leave the page; save it to a file to keep it.',
    summary: '{passed} of {total} exercises done.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type ProgressPageStrings = { [K in keyof (typeof progressPageStrings)['ja']]: string };

/** `{name}` placeholders replaced by values. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** What goes after a sentence before the next one: a space in English, nothing after Japanese 。 */
export function sentenceGap(sentence: string): string {
  return /[。）」]$/.test(sentence) ? '' : ' ';
}

/** Sentences (empty ones left out) run together as one paragraph, in either language. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences
    .filter(Boolean)
    .reduce((text, next) => (text ? `${text}${sentenceGap(text)}${next}` : next), '');
}

/**
 * Chapter names for the exercise index and /progress/ while a chapter's page does not exist yet; once it
 * does, its own title is used (src/components/exercise/outline.ts).
 */
export const chapterNames = {
  'why-virtualization': { ja: 'なぜ仮想化するのか', en: 'Why virtualize' },
  classification: { ja: '仮想化の分類', en: 'Kinds of virtualization' },
  hypervisors: { ja: 'ハイパーバイザー', en: 'Hypervisors' },
  containers: { ja: 'コンテナ', en: 'Containers' },
  'kernel-features': { ja: 'コンテナを支えるカーネルの機能', en: 'The kernel features behind containers' },
  esxi: { ja: 'VMware ESXi', en: 'VMware ESXi' },
  docker: { ja: 'Docker', en: 'Docker' },
  cloud: { ja: 'クラウド', en: 'The cloud' },
} as const satisfies Record<ChapterSlug, Record<Lang, string>>;

/** "やさしい" / "easy" for difficulty 1, and so on (the exercise schema allows 1 to 3). */
export function difficultyLabel(strings: LabStrings, difficulty: number): string {
  return (
    [strings.difficulty1, strings.difficulty2, strings.difficulty3][difficulty - 1] ?? String(difficulty)
  );
}
