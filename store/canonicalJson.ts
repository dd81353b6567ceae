/**
 * JSON with object keys sorted at every level, so equal content always hashes the same: as
 * JSON.stringify writes an object whose keys were put in sorted order, byte for byte (array-index
 * keys come first in numeric order, as in any object; toJSON is called; undefined and functions are
 * left out of objects and are null in arrays), so the hashes stored before still match.
 * Written out directly: copying every object to sort it, through JSON.stringify's replacer, took
 * most of an import's time over a hundred megabytes of dossiers.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '') as string;
}

const isArrayIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4_294_967_295;

function write(value: unknown, key: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(key: string): unknown }).toJSON(key);
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item: unknown, i) => write(item, String(i)) ?? 'null').join(',')}]`;
      if (value instanceof Number || value instanceof String || value instanceof Boolean) return JSON.stringify(value);
      const record = value as Record<string, unknown>;
      // Object.keys lists the array-index keys first, in numeric order: only the others need sorting.
      const keys = Object.keys(record);
      let indices = 0;
      while (indices < keys.length && isArrayIndex(keys[indices])) indices++;
      const sorted = indices === 0 ? keys.sort() : [...keys.slice(0, indices), ...keys.slice(indices).sort()];
      let out = '';
      for (const k of sorted) {
        const v = write(record[k], k);
        if (v !== undefined) out += `${out ? ',' : ''}${JSON.stringify(k)}:${v}`;
      }
      return `{${out}}`;
    }
    case 'bigint':
      // As JSON.stringify: a BigInt has no JSON form.
      return JSON.stringify(value);
    default:
      return undefined;
  }
}
