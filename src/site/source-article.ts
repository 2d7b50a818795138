/**
 * The article the course follows, cited by every chapter: a WeChat post by jameswhale ("jameswhale's Technical
 * Life"); the course was written from a Japanese translation of it. Chapters link it as
 * `<a href={sourceArticle.url}>…</a>` so the address lives in one place.
 */
export const sourceArticle = {
  url: 'https://mp.weixin.qq.com/s/LOXB36aevXoH9EQHFr5E9Q',
  author: 'jameswhale',
} as const;
