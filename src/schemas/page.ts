import type { SchemaContext } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';

/**
 * Frontmatter of every page under `content/docs/`: Starlight's fields, and nothing else. `.strict()` makes a
 * misspelt field fail the build with the file name instead of being silently ignored.
 */
export const pageSchema = (context: SchemaContext) => docsSchema()(context).strict();
