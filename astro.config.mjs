// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { offlineSupport } from './src/offline/integration.ts';
import { contentSecurityPolicy } from './src/site/csp.ts';
import { restoreEnglishFrameTexts } from './src/site/expressive-code-texts.ts';
import { langOfContentFile } from './src/site/locales.ts';
import { monacoCssOnDemand } from './src/site/monaco-css.ts';
import { sidebar } from './src/site/sidebar.ts';

// The site is fully static: every page is prerendered and nothing is fetched from another origin.
export default defineConfig({
  site: 'https://virtualization-lab.invalid',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  // The emulator worker is an ES module (it imports v86's ESM build). Monaco's CSS loads with Monaco only.
  vite: { worker: { format: 'es' }, plugins: [monacoCssOnDemand()] },
  integrations: [
    starlight({
      title: { ja: '仮想化ラボ', en: 'Virtualization Lab' },
      defaultLocale: 'root',
      locales: {
        root: { label: '日本語', lang: 'ja' },
        en: { label: 'English', lang: 'en' },
      },
      sidebar,
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      customCss: ['./src/styles/site.css'],
      components: {
        Footer: './src/components/overrides/Footer.astro',
        Sidebar: './src/components/overrides/Sidebar.astro',
      },
      markdown: {
        // Our pages live in top-level content/docs, not Starlight's default src/content/docs.
        processedDirs: ['./content/docs'],
        // Starlight derives a file's language from its path under src/content/docs, so its heading-link
        // labels would all be Japanese here; the table of contents already links every heading.
        headingLinks: false,
      },
      expressiveCode: {
        // Same reason: tell Expressive Code which language a code block's page is in (copy-button labels).
        // Starlight's English set lacks Expressive Code's texts and falls back to Japanese: see the function.
        getBlockLocale: ({ file }) => {
          restoreEnglishFrameTexts();
          return langOfContentFile(file.path);
        },
      },
    }),
    contentSecurityPolicy(),
    // After the policy is written: the service worker lists the pages as they are served (src/offline/).
    offlineSupport(),
  ],
});
