import { defineCollection } from 'astro:content';
import { readdirSync, readFileSync } from 'node:fs';
import { i18nSchema } from '@astrojs/starlight/schema';
import { glob, type Loader } from 'astro/loaders';
import { defaultExercisesDir, loadExercises } from './exercises/load.ts';
import { exerciseSchema } from './schemas/exercise.ts';
import { pageSchema } from './schemas/page.ts';

/**
 * content/exercises/<NN-id>/ folders (YAML + two Markdown files), read by the same loader that
 * `npm run exercises:verify` uses, so a malformed exercise fails the build with that loader's messages
 * (file, field, received, expected), all problems at once.
 */
function exerciseLoader(): Loader {
  return {
    name: 'vlab-exercises',
    load: async ({ store, parseData, watcher, logger }) => {
      const sync = async () => {
        const exercises = loadExercises(defaultExercisesDir);
        store.clear();
        for (const exercise of exercises) {
          const data = await parseData({ id: exercise.id, data: exercise });
          store.set({ id: exercise.id, data });
        }
        logger.info(`${exercises.length} exercises`);
      };
      await sync();
      watcher?.add(defaultExercisesDir.pathname);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(defaultExercisesDir.pathname)) void sync().catch((e) => logger.error(String(e)));
      });
    },
  };
}

const i18nDir = new URL('../content/i18n/', import.meta.url);

/**
 * content/i18n/<lang>.json: our additions to Starlight's UI strings (its Japanese set has no Pagefind
 * strings, so the search dialog spoke English on Japanese pages). Entries are stored without a file path:
 * Starlight then keys them by id, the language, instead of by a path under src/content/i18n/.
 */
function i18nLoader(): Loader {
  return {
    name: 'vlab-i18n',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const file of readdirSync(i18nDir).filter((name) => /^[^_].*\.json$/.test(name))) {
        const id = file.replace(/\.json$/, '');
        let data: unknown;
        try {
          data = JSON.parse(readFileSync(new URL(file, i18nDir), 'utf8'));
        } catch (error) {
          throw new Error(`content/i18n/${file}: not valid JSON (${(error as Error).message})`);
        }
        store.set({ id, data: await parseData({ id, data: data as Record<string, unknown> }) });
      }
    },
  };
}

export const collections = {
  // Pages live in top-level content/docs (ja at the root, en/ for English), not in src/content/docs.
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: pageSchema,
  }),
  exercises: defineCollection({ loader: exerciseLoader(), schema: exerciseSchema }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
