import fc from 'fast-check';
import { canonicalJson } from '../../store/canonicalJson';

/** What canonicalJson wrote before it wrote JSON itself: the hashes on file were made with it. */
const throughReplacer = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

describe('canonicalJson', () => {
  test('writes what the replacer-based version wrote, byte for byte, for any JSON-like value', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '2', '01', '-1', '4294967295', '__proto__x', 'toJSON'));
    const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(key, tie('node'))),
    })).node;
    fc.assert(fc.property(value, (v) => expect(canonicalJson(v)).toBe(throughReplacer(v))), { numRuns: 2_000 });
  });

  test('sorts keys at every level, array-index keys first in numeric order', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined }], c: 2 }, 10: 'x', 2: 'y' })).toBe('{"2":"y","10":"x","a":{"c":2,"d":[{"z":1}]},"b":1}');
  });
});
