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
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type PlaygroundStrings = { [K in keyof (typeof playgroundStrings)['ja']]: string };
