import { z } from 'zod';

/** `?page=&pageSize=`: 1-based pages, 50 per page by default, at most 500. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function paged<T>(items: T[], query: PageQuery, total: number) {
  return { items, page: query.page, pageSize: query.pageSize, total };
}
