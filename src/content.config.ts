import { defineCollection } from 'astro:content';
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

export const collections = {
  // Pages live in top-level content/docs (ja at the root, en/ for English), not in src/content/docs.
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: pageSchema,
  }),
  exercises: defineCollection({ loader: exerciseLoader(), schema: exerciseSchema }),
};
