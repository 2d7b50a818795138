import type { Lang } from '../../site/locales.ts';

/** Every string the exercise editor shows, in both languages. `{name}` marks a value. */
export const editorStrings = {
  ja: {
    yamlLabel: 'exercise.yaml（リポジトリと同じ形式）',
    instructionsLabel: '説明（{file}、Markdown）',
    chooseFolder: '演習フォルダーを選択',
    codeEditor: 'コードエディターで編集',
    codeEditorLoading: 'コードエディター（Monaco）を読み込んでいます…',
    codeEditorReady: 'コードエディターで編集できます。',
    codeEditorFailed: 'コードエディターを読み込めませんでした。上のテキスト欄で編集を続けられます。',
    dropHint: '演習フォルダー（exercise.yaml と instructions.*.md）をここにドロップすることもできます。',
    folderRead: '{files} を読み込みました。',
    folderMissing: 'exercise.yaml が見つかりませんでした。演習フォルダーを選択してください。',
    folderSeveral:
      'このフォルダーには {file} が {n} 個あるため、読み込みませんでした。演習 1 つ分のフォルダー（content/exercises/ の中のフォルダー 1 つ）を選択してください。',
    fileTooLarge: '{file} は大きすぎるため読み込みませんでした（演習のファイルは 200 KB までです）。',
    valid: '形式は正しく、読み込めます。「試す」で実際のゲストで確かめてください。',
    exportWarning:
      'ただし、このままではサイトの演習（content/exercises/）にはできません（下の注意を参照）。リンクで配ることはできます。',
    siteIdNote:
      'ただし、id がこのサイトの演習と同じため、課題のリンクには入れられません（下の注意を参照）。書き出すことはできます。',
    siteIdAndExportNote:
      'ただし、このままではサイトの演習（content/exercises/）にも課題のリンクにもできません（下の注意を参照）。',
    siteIdWarning:
      'id「{id}」は、このサイトの演習の id と同じです。書き出して、そのサイトの演習への変更として提案することはできますが、課題のリンクには入れられません（受講者のページがそのリンクを受け付けません）。リンクで配るには、id を「{suggested}」などの新しいものに変えてください。',
    problems:
      '{n} 件の問題があります。各行は英語で、「ファイル：フィールド：Received（受け取った値）/ Expected（期待する値）」の形で示します。',
    previewHeading: '受講者に見える説明のプレビュー',
    previewNote: 'リンクから開いた演習と同じく、HTML・外部へのリンク・画像は無効にして表示します。',
    tasksHeading: 'タスク',
    tryButton: '試す',
    trying: 'ゲストで確かめています…',
    tryStarting: '新しいマシンを起動しています…（{stage}）',
    tryOk:
      'すべて想定どおりでした：セットアップ後はすべてのチェックが未合格、解答後はすべて合格（セットアップをもう一度実行しても合格のまま）、ニアミスはそれぞれ `fails` に挙げたタスクで未合格です。',
    tryOkSlow:
      '検証は想定どおりでしたが、所要時間の警告があります（下の「チェックの所要時間」を参照してください）。',
    tryProblem:
      '想定と違う結果が {n} 件あります。下の ✗ の付いたチェックと、失敗したスクリプトを確認してください。',
    tryProblems:
      '想定と違う結果が {n} 件あります。下の ✗ の付いたチェックと、失敗したスクリプトを確認してください。',
    tryFailed: 'ゲストを起動できませんでした：{error}',
    stageSetup: 'セットアップ直後（すべて未合格のはず）',
    stageSolution: '解答の後（すべて合格のはず）',
    stageSetupAgain:
      'セットアップをもう一度実行した後（受講者のページは再読み込みのたびにセットアップを実行します。すべて合格のままのはず）',
    stageNearMiss: 'ニアミス「{title}」の後（「{tasks}」が未合格のはず）',
    skippedSolution: 'セットアップが失敗したため、解答とチェックは実行していません。',
    skippedAfterSetup: 'セットアップが失敗したため、実行していません。',
    skippedAfterSolution: '解答のスクリプトが失敗したため、実行していません。',
    scriptExit: '{name}の終了コード：{code}',
    scriptNoExit: '{name}が終わりませんでした',
    scriptSetup: 'セットアップのスクリプト',
    scriptSolution: '解答のスクリプト',
    scriptNearMiss: 'ニアミスのスクリプト',
    statusPassed: '合格',
    statusFailed: '未合格',
    statusError: 'チェックできず',
    expectedPassed: '合格のはず',
    expectedFailed: '未合格のはず',
    expectedEither: 'どちらでも可',
    duration: '{ms} ms',
    overBudget:
      '中央値が {budget} ms を超えています。チェックは受講者がコマンドを実行するたびに動くため、プロセスの数を減らしてください。',
    timingsHeading: 'チェックの所要時間',
    timingsNote:
      '各チェックは、この「試す」で実行したすべての回（新しいマシンでの最初の回を含む）の中央値で判定します。一度でも {budget} ms を超えたチェックは、3 回以上の結果がそろうまで、解答の後のマシンでもう一度実行して測ります。',
    timing: '中央値 {median} ms（各回：{runs} ms）',
    timingWithExtra: '中央値 {median} ms（各回：{runs} ms。うち計測のためだけの再実行：{extra} 回）',
    timingNotJudged: '実行が {n} 回だけのため、{budget} ms を超えるかどうかは判定していません。',
    stopButton: '停止',
    stopping: '停止しています…',
    tryStopped: '停止しました。それまでの結果は下に残っています。「試す」でもう一度始められます。',
    stoppedDuringCheck:
      '「{task}」のチェックの実行中に停止しました（{ms} ms 経過）。この後は実行していません。',
    stoppedDuringScript: '{name}の実行中に停止しました（{ms} ms 経過）。この後は実行していません。',
    stoppedHere: 'ここで停止しました。この後は実行していません。',
    stoppedBefore: '停止したため、実行していません。',
    templateButton: 'テンプレートから新規作成',
    templateConfirm:
      '今の下書きをテンプレートで置き換えます。ダウンロードしていない変更は失われます。置き換えますか？',
    templateKept: '下書きはそのままです。',
    templateUsed: 'テンプレートから始めました（新しい id を付けています）。',
    importConfirm:
      'この下書きには、ダウンロードしていない変更があります。フォルダーの内容で置き換えると、その変更は失われます。置き換えますか？',
    importKept: 'フォルダーは読み込みませんでした。下書きはそのままです。',
    noOutput: '（出力なし）',
    proofLines: '検証の詳細（英語）',
    exportHeading: '書き出し',
    exportNote: '3 つのファイルを content/exercises/<NN>-{id}/ に置くと、サイトの演習として追加できます。',
    download: '{file} をダウンロード',
    linkHeading: '課題のリンクを作成',
    linkIntro:
      'この演習だけを含む課題のリンクを作成します。演習はリンクの中に圧縮して入れるため、サーバーには何も保存されません。受講者のページには、リンクの作成者が書いた演習であることを表示します。',
    linkTitle: '課題のタイトル',
    makeLink: 'リンクを作成',
    linkLabel: '課題のリンク',
    openLearnerView: '受講者の画面で開く（新しいタブ）',
    needTitle: '課題のタイトルを入力してください。',
    linkMade:
      'リンクを作成しました（{chars} 文字、版：{digest}）。名簿には、受講者が解いた演習の版がこの文字列で表示されます。',
    linkTooLong:
      'リンクが長すぎます（{chars} 文字、上限は {max} 文字）。スクリプトや説明を短くするか、演習を分けてください。',
    linkTooBig:
      '演習が大きすぎます。リンクを開いたときに展開される内容が {bytes} バイトあり、上限は {max} バイトです。スクリプトや説明を短くするか、演習を分けてください。',
    linkProblem: 'リンクを作成できませんでした：{problem}',
    linkSiteId:
      'リンクを作成できませんでした。id「{id}」はこのサイトの演習の id と同じため、受講者のページがこのリンクを受け付けません。exercise.yaml の id を「{suggested}」などの新しいものに変えてから、もう一度作成してください。',
  },
  en: {
    yamlLabel: "exercise.yaml (the repository's format)",
    instructionsLabel: 'Instructions ({file}, Markdown)',
    chooseFolder: 'Choose an exercise folder',
    codeEditor: 'Edit in the code editor',
    codeEditorLoading: 'Loading the code editor (Monaco)…',
    codeEditorReady: 'The code editor is ready.',
    codeEditorFailed: 'The code editor could not be loaded. Go on editing in the text box above.',
    dropHint: 'You can also drop an exercise folder (exercise.yaml and instructions.*.md) here.',
    folderRead: 'Read {files}.',
    folderMissing: 'No exercise.yaml found. Choose an exercise folder.',
    folderSeveral:
      'This folder holds {n} files named {file}, so nothing was loaded. Choose the folder of one exercise (one folder inside content/exercises/).',
    fileTooLarge: '{file} is too large and was not read (exercise files are at most 200 KB).',
    valid: 'The format is right and the exercise loads. Press "Try" to prove it on the real guest.',
    exportWarning:
      "It cannot go into the site's exercises (content/exercises/) as it is (see the warnings below); it can be handed out by link.",
    siteIdNote:
      "But its id is that of one of this site's exercises, so it cannot go in an assignment link (see the warning below). It can be exported.",
    siteIdAndExportNote:
      "It cannot go into the site's exercises (content/exercises/) as it is, nor in an assignment link (see the warnings below).",
    siteIdWarning:
      'The id "{id}" is that of one of this site\'s exercises. You can export the exercise to propose a change to that site exercise, but it cannot go in an assignment link (learners\' pages refuse the link). To hand it out by link, give it a new id, such as "{suggested}".',
    problems:
      'Problems found: {n}. Each line reads "file: field: Received (what was found) / Expected (what is needed)".',
    previewHeading: 'Preview of the instructions learners see',
    previewNote:
      'As for an exercise opened from a link: HTML, links to other sites and images are shown inert.',
    tasksHeading: 'Tasks',
    tryButton: 'Try',
    trying: 'Proving it on the guest…',
    tryStarting: 'Starting a fresh machine… ({stage})',
    tryOk:
      'Everything as expected: after the setup every check fails, after the solution every check passes (and still passes when the setup runs again), and each near miss fails the tasks it names.',
    tryOkSlow: 'Everything as expected, but some checks are too slow (see "How long each check took" below).',
    tryProblem: '{n} result was not as expected. Look at the check marked ✗ and any failed script below.',
    tryProblems: '{n} results were not as expected. Look at the checks marked ✗ and any failed script below.',
    tryFailed: 'The guest could not start: {error}',
    stageSetup: 'Right after the setup (all should fail)',
    stageSolution: 'After the solution (all should pass)',
    stageSetupAgain:
      "After the setup runs again (the learner's page runs it at every reload; all should still pass)",
    stageNearMiss: 'After the near miss "{title}" ("{tasks}" should fail)',
    skippedSolution: 'The setup failed, so the solution and the checks did not run.',
    skippedAfterSetup: 'Not run: the setup failed.',
    skippedAfterSolution: 'Not run: the solution script failed.',
    scriptExit: '{name} exited with {code}',
    scriptNoExit: '{name} did not finish',
    scriptSetup: 'The setup script',
    scriptSolution: 'The solution script',
    scriptNearMiss: 'The near miss script',
    statusPassed: 'Passed',
    statusFailed: 'Not passed',
    statusError: 'Could not check',
    expectedPassed: 'should pass',
    expectedFailed: 'should fail',
    expectedEither: 'either',
    duration: '{ms} ms',
    overBudget:
      'The median is over {budget} ms. A check runs after every command the learner types: use fewer processes.',
    timingsHeading: 'How long each check took',
    timingsNote:
      'Each check is judged on the median of all its runs in this try (the first run on each fresh machine included). A check that took over {budget} ms once is run again on the machine after the solution, to time it, until it has at least three runs.',
    timing: 'median {median} ms (runs: {runs} ms)',
    timingWithExtra: 'median {median} ms (runs: {runs} ms; extra runs only for timing: {extra})',
    timingNotJudged: 'With only {n} runs, it is not judged against {budget} ms.',
    stopButton: 'Stop',
    stopping: 'Stopping…',
    tryStopped: 'Stopped. The results so far are below; press "Try" to start again.',
    stoppedDuringCheck: 'Stopped while the check of "{task}" ran ({ms} ms in). Nothing after it ran.',
    stoppedDuringScript: 'Stopped while {name} ran ({ms} ms in). Nothing after it ran.',
    stoppedHere: 'Stopped here. Nothing after it ran.',
    stoppedBefore: 'Not run: the try was stopped.',
    templateButton: 'Start from the template',
    templateConfirm:
      'This replaces the draft with the template, and changes you have not downloaded are lost. Replace it?',
    templateKept: 'The draft was kept as it was.',
    templateUsed: 'Started from the template (with an id of its own).',
    importConfirm:
      'The draft has changes you have not downloaded. Replacing it with the folder loses them. Replace it?',
    importKept: 'The folder was not read; the draft was kept as it was.',
    noOutput: '(no output)',
    proofLines: 'Details of the proof',
    exportHeading: 'Export',
    exportNote: 'Put the three files in content/exercises/<NN>-{id}/ to add the exercise to the site.',
    download: 'Download {file}',
    linkHeading: 'Make an assignment link',
    linkIntro:
      "Makes an assignment link holding this exercise. The exercise is compressed into the link itself, so nothing is stored on a server. The learner's page says that the exercise was written by whoever made the link.",
    linkTitle: 'Assignment title',
    makeLink: 'Make link',
    linkLabel: 'Assignment link',
    openLearnerView: "Open the learner's view (new tab)",
    needTitle: 'Enter a title for the assignment.',
    linkMade:
      'Link made ({chars} characters; version {digest}). The roster shows the version of the exercise each learner did by this string.',
    linkTooLong:
      'The link is too long ({chars} characters; the limit is {max}). Shorten the scripts or the instructions, or split the exercise.',
    linkTooBig:
      'The exercise is too large: the link unpacks to {bytes} bytes, and the limit is {max}. Shorten the scripts or the instructions, or split the exercise.',
    linkProblem: 'The link could not be made: {problem}',
    linkSiteId:
      'No link was made: the id "{id}" is that of one of this site\'s exercises, and learners\' pages refuse such a link. Change the id in exercise.yaml to a new one, such as "{suggested}", and make the link again.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type EditorStrings = (typeof editorStrings)[Lang];
