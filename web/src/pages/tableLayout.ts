/**
 * How a table of rows fits a narrow screen: its rows scroll sideways inside it. An empty table
 * shows no header instead: scrolling, its scroll area would hold nothing to focus, out of a
 * keyboard's reach (axe: scrollable-region-focusable); not scrolling, its header would widen the page.
 */
export const tableLayout = (rows: readonly unknown[] | undefined) => (rows?.length ? { scroll: { x: 'max-content' as const } } : { showHeader: false });
