import type { Lang } from '../site/locales.ts';

/** Every string of the offline support, in both languages. */
export const offlineStrings = {
  ja: {
    updateReady: 'このサイトの新しいバージョンがあります。',
    reload: '再読み込み',
    dismiss: '閉じる',
    heading: 'オフラインで使う',
    intro:
      'ページと検索は、一度開くとこのブラウザに保存され、ネットワークがなくても読めます。Linux のプレイグラウンドも使えるようにするには、エミュレーターとゲストのファイルを保存してください。',
    save: 'オフライン用に保存（{size}）',
    saving: '保存中：{done} / {total}',
    saved: '保存しました。ネットワークがなくても Linux を起動できます。',
    failed: '保存できませんでした（{message}）。ネットワークにつないで、もう一度お試しください。',
    retry: '再試行',
    unsupported:
      'このブラウザではオフライン用に保存できません（Service Worker か Cache Storage が使えません）。',
    progressLabel: 'オフライン用のファイルの保存',
  },
  en: {
    updateReady: 'A new version of this site is available.',
    reload: 'Reload',
    dismiss: 'Dismiss',
    heading: 'Use it offline',
    intro:
      'Pages and search are kept in this browser once you have opened the site, and work without a network. To use the Linux playground offline too, save the emulator and the guest.',
    save: 'Make available offline ({size})',
    saving: 'Saving: {done} / {total}',
    saved: 'Saved. Linux starts here without a network.',
    failed: 'Saving failed ({message}). Connect to the network and try again.',
    retry: 'Retry',
    unsupported: 'This browser cannot keep the site for offline use (no service worker or Cache Storage).',
    progressLabel: 'Saving the files for offline use',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type OfflineStrings = { [K in keyof (typeof offlineStrings)['ja']]: string };

/** `12.3 MB`: sizes as the playground shows them (decimal megabytes). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
