import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './schemas/page.ts';

export const collections = {
  // Pages live in top-level content/docs (ja at the root, en/ for English), not in src/content/docs.
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: pageSchema,
  }),
};
