import { formatTonnes } from '../campaign';
import { traceLabels as t } from '../labels';
import type { ExportTrace } from './exportTrace';

/**
 * The trace as a picture: one column per step back from the exporter (the exporter on the right,
 * the mines on the left), one box per link with what it had to account for, its untraced remainder
 * and, at a mine, the source's legality; an arrow per edge with its tonnes. A link's column is its
 * shortest distance from the exporter, which keeps every chain reading left to right.
 */
const boxW = 220;
const boxH = 64;
const gapX = 90;
const gapY = 24;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function traceSvg(trace: ExportTrace): string {
  const depth = new Map<string, number>([[trace.exporterCode, 0]]);
  const suppliersOf = new Map<string, string[]>();
  for (const e of trace.edges) suppliersOf.set(e.buyer, [...(suppliersOf.get(e.buyer) ?? []), e.supplier]);
  const queue = [trace.exporterCode];
  while (queue.length) {
    const code = queue.shift()!;
    for (const s of suppliersOf.get(code) ?? []) {
      if (depth.has(s)) continue;
      depth.set(s, depth.get(code)! + 1);
      queue.push(s);
    }
  }
  const maxDepth = Math.max(...depth.values());
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const link of trace.links) {
    const d = depth.get(link.code) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    at.set(link.code, { x: 10 + (maxDepth - d) * (boxW + gapX), y: 10 + row * (boxH + gapY) });
  }
  const width = 20 + (maxDepth + 1) * boxW + maxDepth * gapX;
  const height = 20 + Math.max(...rows.values()) * (boxH + gapY);
  const parts: string[] = [];
  for (const e of trace.edges) {
    const from = at.get(e.supplier)!;
    const to = at.get(e.buyer)!;
    const x1 = from.x + boxW;
    const y1 = from.y + boxH / 2;
    const x2 = to.x;
    const y2 = to.y + boxH / 2;
    const colour = e.illegalKg > 0 ? '#c0392b' : '#555';
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" stroke-width="2" marker-end="url(#arrow)"/>`);
    parts.push(`<text x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" font-size="11" text-anchor="middle" fill="${colour}">${formatTonnes(e.kgReo)} t · ${escapeXml(e.months.join(','))}</text>`);
  }
  for (const link of trace.links) {
    const { x, y } = at.get(link.code)!;
    const illegal = link.mine && !link.mine.legal;
    const fill = illegal ? '#fdecea' : link.mine ? '#eafaf1' : '#f4f6f7';
    const lines = [
      `${link.name}${link.province ? ` · ${link.province}` : ''}`,
      `${t.trace.zh} ${formatTonnes(link.demandKg)} t · ${t.untraced.zh} ${formatTonnes(link.untracedKg)} t`,
      link.mine ? `${(illegal ? t.illegalMine : t.legalMine).zh} ${link.mine.findings.join(', ')}` : `${t.illegalMine.zh} ${formatTonnes(link.illegalKg)} t`,
    ];
    parts.push(`<g><rect x="${x}" y="${y}" width="${boxW}" height="${boxH}" rx="6" fill="${fill}" stroke="${illegal ? '#c0392b' : '#888'}"/>`);
    lines.forEach((line, i) => parts.push(`<text x="${x + 8}" y="${y + 18 + i * 18}" font-size="12">${escapeXml(line)}</text>`));
    parts.push('</g>');
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    ...parts,
    '</svg>',
  ].join('\n');
}
