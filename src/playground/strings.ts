import type { Lang } from '../site/locales.ts';

/** Every string the Linux playground shows, in both languages. Rendered into the page as JSON. */
export const playgroundStrings = {
  ja: {
    start: '起動',
    startHint: 'ブラウザの中で Linux を起動します（約 3 MB をダウンロードします）。',
    idle: '停止中',
    downloading: 'ダウンロード中',
    starting: '起動中',
    ready: '準備完了',
    error: 'エラー',
    errorDetail: 'エラー：{message}',
    retry: '再試行',
    reset: 'マシンをリセット',
    resetConfirm: 'マシンを初期状態に戻します。作成したファイルや設定はすべて消えます。よろしいですか？',
    screenReader: 'スクリーンリーダー向け表示',
    terminalLabel: 'Linux の端末',
    run: '実行',
    runLabel: 'このコマンドをプレイグラウンドで実行',
    restoredSaved: '前回のマシンを復元しました。',
    savedAt: '保存済み',
    notPersistent:
      'このブラウザではマシンの状態を保存できません（プライベートモードや保存容量の不足など）。ページを離れると作業内容は失われます。',
    savedCorrupt: '保存されていたマシンを復元できなかったため、新しいマシンを起動しました。',
    downloadFailed: 'ゲスト Linux のダウンロードに失敗しました。',
    hung: 'ゲストが応答しません。リセットしてください。',
    crashed: 'エミュレーターが停止しました。リセットしてください。',
    elsewhere: 'このマシンは別のタブで動いています。同じマシンを動かせるのは一度に 1 つのタブだけです。',
    moved: 'マシンは別のタブに移りました。',
    takeOver: 'このタブで使う',
    noWasm:
      'このブラウザは WebAssembly に対応していないため、Linux を起動できません。最近の Chrome、Firefox、Safari、Edge をお使いください。',
    bytes: '{done} / {total}',
    replayed:
      'ページを離れる直前に入力した {count} 行は保存が間に合っていなかったため、もう一度実行しました。',
    saveQuota:
      'ブラウザの保存容量がいっぱいのため、マシンを保存できません。動いているマシンはそのまま使えますが、このままページを離れると、最後に保存した後の作業は失われます。ほかのサイトのデータを削除して空きを作ってから再試行するか、このサイトが保存しているデータ（ゲストのキャッシュと以前のマシン）を削除して再試行できます。',
    saveRetry: '保存を再試行',
    saveFreeSpace: '保存データを削除して再試行',
    saveKeepUnsaved: '保存せずに続行',
    saveStillFull: 'まだ空きが足りないため、保存できませんでした。',
  },
  en: {
    start: 'Start',
    startHint: 'Boots Linux inside your browser (downloads about 3 MB).',
    idle: 'Stopped',
    downloading: 'Downloading',
    starting: 'Starting',
    ready: 'Ready',
    error: 'Error',
    errorDetail: 'Error: {message}',
    retry: 'Retry',
    reset: 'Reset machine',
    resetConfirm: 'Reset the machine to its initial state? Every file and setting you created will be lost.',
    screenReader: 'Screen reader mode',
    terminalLabel: 'Linux terminal',
    run: 'Run',
    runLabel: 'Run this command in the playground',
    restoredSaved: 'Restored your machine from last time.',
    savedAt: 'Saved',
    notPersistent:
      'This browser cannot store the machine (private mode, or storage is full). Your work will be lost when you leave the page.',
    savedCorrupt: 'Your saved machine could not be restored, so a fresh one was started.',
    downloadFailed: 'Downloading the guest Linux failed.',
    hung: 'The guest stopped answering. Please reset it.',
    crashed: 'The emulator stopped. Please reset it.',
    elsewhere: 'This machine is running in another tab. It can run in only one tab at a time.',
    moved: 'The machine moved to another tab.',
    takeOver: 'Use it here',
    noWasm:
      'This browser does not support WebAssembly, so Linux cannot start here. Please use a recent Chrome, Firefox, Safari or Edge.',
    bytes: '{done} / {total}',
    replayed:
      'The {count} line(s) you typed just before leaving had not been saved yet, so they were run again.',
    saveQuota:
      "The browser's storage is full, so your machine cannot be saved. The running machine is fine, but if you leave the page, work since the last save will be lost. Free up space (for example by deleting other sites' data) and try again, or delete what this site keeps (the guest's cached copy and your earlier machine) and try again.",
    saveRetry: 'Try saving again',
    saveFreeSpace: 'Delete stored data and try again',
    saveKeepUnsaved: 'Continue without saving',
    saveStillFull: 'Still not enough space: the machine was not saved.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type PlaygroundStrings = { [K in keyof (typeof playgroundStrings)['ja']]: string };
