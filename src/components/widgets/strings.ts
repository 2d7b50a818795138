import type { Lang } from '../../site/locales.ts';

/** What the namespace map says, in both languages. Rendered into the page as JSON. `{x}` are filled in. */
export const namespaceMapStrings = {
  ja: {
    title: '名前空間マップ',
    typesLabel: '名前空間の種類',
    idle: 'このページの Linux を起動すると、ゲストのプロセスと名前空間がここに表示されます。',
    start: 'Linux を起動',
    waiting: 'Linux の起動を待っています…',
    reading: 'ゲストから読み取っています…',
    live: '{time} にゲストから読み取りました。画面に表示されている間、自動で更新します。',
    paused: '画面外にあるため、更新を止めています。',
    machineError: 'Linux が動いていません。上の端末でリセットまたは再試行してください。',
    timeout: 'ゲストが {seconds} 秒以内に応答しなかったため、表示は前回のままです。次の更新で再試行します。',
    runFailed: 'ゲストからの読み取りに失敗しました（{message}）。次の更新で再試行します。',
    parseFailed: 'ゲストの出力を読み取れませんでした。{message}',
    refresh: '今すぐ更新',
    namespace: '名前空間',
    count: 'プロセス数',
    processes: 'プロセス（PID とコマンド名）',
    caption: '{type} 名前空間ごとのプロセス',
    host: 'ホスト',
    hostTitle: 'PID 1（init）と同じ名前空間',
    new: '新規',
    newProcess: '新しいプロセス',
    summaryOne:
      '{type} 名前空間は 1 個です。{processes} 個のプロセスがすべてホストと同じ名前空間に属しています。',
    summaryMany:
      '{type} 名前空間は {namespaces} 個です。ホスト以外の名前空間に属するプロセスは {outside} 個で、いちばん多い {largest} には {largestCount} 個が属しています。',
    appeared: '新しい名前空間：{names}。{summary}',
    hidden: 'カーネルスレッドと、この表を作るためのコマンドは表示していません。',
  },
  en: {
    title: 'Namespace map',
    typesLabel: 'Namespace type',
    idle: "Start this page's Linux to see the guest's processes and their namespaces here.",
    start: 'Start Linux',
    waiting: 'Waiting for Linux to start…',
    reading: 'Reading from the guest…',
    live: 'Read from the guest at {time}. Updates by itself while it is on screen.',
    paused: 'Paused while off screen.',
    machineError: 'Linux is not running. Reset or retry it in the terminal above.',
    timeout:
      'The guest did not answer within {seconds} s, so this is the previous reading. Retrying at the next update.',
    runFailed: 'Reading from the guest failed ({message}). Retrying at the next update.',
    parseFailed: "The guest's output could not be read. {message}",
    refresh: 'Update now',
    namespace: 'Namespace',
    count: 'Processes',
    processes: 'Processes (PID and command name)',
    caption: 'Processes per {type} namespace',
    host: 'host',
    hostTitle: 'The same namespace as PID 1 (init)',
    new: 'new',
    newProcess: 'new process',
    summaryOne: "1 {type} namespace: all {processes} processes share the host's.",
    summaryMany:
      "{namespaces} {type} namespaces; {outside} processes outside the host's, {largestCount} of them in {largest}.",
    appeared: 'New namespace: {names}. {summary}',
    hidden: 'Kernel threads and the command that reads this table are not shown.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type NamespaceMapStrings = { [K in keyof (typeof namespaceMapStrings)['ja']]: string };

/** One line per namespace type, shown above its table: what the type isolates (namespaces(7)). */
export const namespaceTypeHelp = {
  ja: {
    pid: 'プロセス ID の番号の範囲です。新しい PID 名前空間の最初のプロセスは、その中では PID 1 になります。',
    mnt: 'マウントの一覧です。中でマウントしたファイルシステムは外からは見えません。',
    uts: 'ホスト名とドメイン名です。',
    net: 'ネットワークインターフェース、経路、ファイアウォール、ポートです。',
    ipc: 'System V IPC と POSIX メッセージキューです。',
    user: 'ユーザー ID とグループ ID の対応と、権限（ケーパビリティ）の範囲です。',
    cgroup: 'プロセスから見て cgroup 階層のルートにあたる cgroup です。',
    time: 'CLOCK_MONOTONIC と CLOCK_BOOTTIME のずれです。',
  },
  en: {
    pid: 'The range of process IDs. The first process in a new PID namespace is PID 1 inside it.',
    mnt: 'The list of mounts. A file system mounted inside is not visible outside.',
    uts: 'The host name and domain name.',
    net: 'Network interfaces, routes, firewall rules and ports.',
    ipc: 'System V IPC objects and POSIX message queues.',
    user: 'User and group ID mappings, and the reach of capabilities.',
    cgroup: 'Which cgroup a process sees as the root of the hierarchy.',
    time: 'Offsets of CLOCK_MONOTONIC and CLOCK_BOOTTIME.',
  },
} as const;

/** What the script editor says, in both languages. */
export const containerScriptStrings = {
  ja: {
    edit: '編集',
    run: 'ゲストで実行',
    running: '実行中…',
    reset: 'スクリプトを元に戻す',
    resetConfirm: '編集した内容を破棄して、最初のスクリプトに戻します。よろしいですか？',
    editorLabel: 'スクリプトの編集',
    codeLabel: 'スクリプト',
    loadingEditor: 'エディターを読み込んでいます…（それまではこの欄で編集できます）',
    editorReady: 'エディターの準備ができました。編集内容はこのブラウザに保存されます。',
    editorFailed: 'エディターを読み込めなかったため、簡易エディターを使っています。編集内容は保存されます。',
    edited: 'このスクリプトは編集されています（このブラウザに保存済み）。',
    notSaved: 'このブラウザでは編集内容を保存できません。ページを離れると失われます。',
    startingMachine: 'Linux を起動しています…',
    machineError: 'Linux が動いていないため実行できません。上の端末でリセットまたは再試行してください。',
    output: '出力',
    noOutput: '（出力はありません）',
    exit: '終了コード {code}（{seconds} 秒）',
    exitFailed: '終了コード {code}（{seconds} 秒）。スクリプトはエラーで終了しました。',
    timeout:
      '{seconds} 秒以内に終わらなかったため、ゲストがスクリプトを止めました。ここまでの出力を表示しています。',
    failed: '実行できませんでした：{message}',
  },
  en: {
    edit: 'Edit',
    run: 'Run in the guest',
    running: 'Running…',
    reset: 'Reset script',
    resetConfirm: 'Throw away your edits and go back to the original script?',
    editorLabel: 'Edit the script',
    codeLabel: 'Script',
    loadingEditor: 'Loading the editor… (you can edit in this box meanwhile)',
    editorReady: 'The editor is ready. Your edits are kept in this browser.',
    editorFailed: 'The editor could not be loaded, so this is a plain text box. Your edits are still kept.',
    edited: 'You have edited this script (kept in this browser).',
    notSaved: 'This browser cannot store your edits; they will be lost when you leave the page.',
    startingMachine: 'Starting Linux…',
    machineError: 'Linux is not running, so the script cannot run. Reset or retry it in the terminal above.',
    output: 'Output',
    noOutput: '(no output)',
    exit: 'Exit code {code} ({seconds} s)',
    exitFailed: 'Exit code {code} ({seconds} s): the script ended with an error.',
    timeout:
      'The guest stopped the script because it did not finish within {seconds} s. Output so far is shown.',
    failed: 'Could not run the script: {message}',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type ContainerScriptStrings = { [K in keyof (typeof containerScriptStrings)['ja']]: string };

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
