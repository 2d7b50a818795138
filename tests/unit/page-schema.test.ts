import { z } from 'astro/zod';
import { expect, test } from 'vitest';
import { pageSchema } from '../../src/schemas/page.ts';

// The build validates every page with this schema; here we check it rejects what it must.
const schema = pageSchema({ image: () => z.string() } as never);

test('accepts a plain page', () => {
  expect(schema.safeParse({ title: 'Docker', description: 'Images and layers' }).success).toBe(true);
});

test('rejects a misspelt field, naming it', () => {
  const result = schema.safeParse({ title: 'Docker', descripton: 'typo' });
  expect(result.success).toBe(false);
  expect(JSON.stringify(result.error?.issues)).toContain('descripton');
});

test('rejects a page without a title', () => {
  const result = schema.safeParse({ description: 'x' });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.path).toEqual(['title']);
});
