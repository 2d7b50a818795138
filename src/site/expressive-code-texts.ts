import { pluginFramesTexts } from 'astro-expressive-code';

/**
 * Expressive Code's English frame texts (copy button, terminal frame), put back before each block renders.
 *
 * Starlight hands Expressive Code its own translations of these for every locale, but its English set has none
 * (English is Expressive Code's default), and the i18next lookup falls back to the default locale, Japanese
 * here: English pages got 「クリップボードにコピー」 and 「ターミナルウィンドウ」. Starlight does this each time it
 * processes the Expressive Code configuration, so a fix applied once at start-up would be undone: this runs
 * from `getBlockLocale` (astro.config.mjs), before each block. Texts as in @expressive-code/plugin-frames.
 */
export const englishFrameTexts = {
  terminalWindowFallbackTitle: 'Terminal window',
  copyButtonTooltip: 'Copy to clipboard',
  copyButtonCopied: 'Copied!',
};

export function restoreEnglishFrameTexts(): void {
  pluginFramesTexts.overrideTexts('en', englishFrameTexts);
}
