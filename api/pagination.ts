import { z } from 'zod';

/** `?page=&pageSize=`: 1-based pages, 50 per page by default, at most 500. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function paged<T>(items: T[], query: PageQuery, total: number) {
  return { items, page: query.page, pageSize: query.pageSize, total };
}

/** The body of a paged list. */
export const Paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
