import type { Lang } from './locales.ts';

/** UI strings of our own components, in both languages. Starlight's own strings come translated with it. */
export const uiStrings = {
  'footer.privacy': {
    ja: 'このサイトはブラウザ内だけで動作し、ほかのオリジンへは通信しません。',
    en: 'This site runs entirely in your browser and makes no request to any other origin.',
  },
  'footer.about': { ja: 'このサイトについて・ライセンス', en: 'About this site and licences' },
} as const satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof uiStrings;

export function ui(lang: Lang, key: UiKey): string {
  return uiStrings[key][lang];
}
