import fs from 'node:fs';
import { Connection } from '@temporalio/client';
import { searchAttributes } from '../../workflows/searchAttributes';
import { services } from '../support/services';

describe('the Temporal dev server as started for the campaign', () => {
  test('persists to SQLite in write-ahead-log mode', () => {
    const { temporalDbFile } = services();
    expect(fs.existsSync(temporalDbFile)).toBe(true);
    expect(fs.existsSync(`${temporalDbFile}-wal`)).toBe(true);
  });

  test('has every custom search attribute registered with its type', async () => {
    const connection = await Connection.connect({ address: services().temporalAddress });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
      // The server reports types as IndexedValueType enum numbers: 2 Keyword, 3 Int, 5 Bool, 7 KeywordList.
      const typeNumbers = { KEYWORD: 2, INT: 3, BOOL: 5, KEYWORD_LIST: 7 } as Record<string, number>;
      for (const key of Object.values(searchAttributes)) {
        expect({ name: key.name, type: customAttributes?.[key.name] }).toEqual({ name: key.name, type: typeNumbers[key.type] });
      }
    } finally {
      await connection.close();
    }
  });
});
