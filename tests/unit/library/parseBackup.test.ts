import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT } from '../../../utils/library/backupSchema';
import { parseJsonText, validateBackup } from '../../../utils/library/parseBackup';
import { ImportError } from '../../../utils/library/importError';
import { MAX_IMPORT_BYTES, readImportFile } from '../../../utils/library/readImportFile';
import { generateLibrary } from '../../../scripts/lib/generateLibrary';

const noYield = { yieldFn: async () => {} };

function backupOf(overrides: Record<string, unknown> = {}) {
  return { format: BACKUP_FORMAT, version: 1, exportedAt: '2026-11-29T08:00:00.000Z', ...generateLibrary({ articles: 20, highlights: 60 }, 7), ...overrides };
}

describe('validateBackup', () => {
  it('accepts a generated backup and keeps every record', async () => {
    const input = backupOf();
    const out = await validateBackup(JSON.parse(JSON.stringify(input)), noYield);
    expect(out.articles).toEqual(input.articles);
    expect(out.highlights).toEqual(input.highlights);
    expect(out.notes).toEqual(input.notes);
    expect(out.linkChoices).toEqual(input.linkChoices);
  });

  it('rejects the whole file for one bad record among good ones and names its position and field', async () => {
    const input = backupOf();
    (input.highlights[42]!.quote as unknown as { exact: unknown }).exact = 5;
    await expect(validateBackup(input, noYield)).rejects.toThrow(/^highlights\[42\]\.quote\.exact: expected a string, got the number 5/);
  });

  it('names a missing field', async () => {
    const input = backupOf();
    delete (input.articles[3] as Partial<(typeof input.articles)[number]>).url;
    await expect(validateBackup(input, noYield)).rejects.toThrow(/^articles\[3\]\.url: this required field is missing/);
  });

  it('rejects an unknown colour with the allowed ones', async () => {
    const input = backupOf();
    (input.highlights[0] as unknown as { color: string }).color = 'orange';
    await expect(validateBackup(input, noYield)).rejects.toThrow(/highlights\[0\]\.color: expected .*"yellow".*got the string "orange"/);
  });

  it('refuses a backup from a newer version clearly', async () => {
    await expect(validateBackup(backupOf({ version: 2 }), noYield)).rejects.toThrow(/newer version of Backstory \(backup format version 2; this version reads up to 1\)/);
  });

  it('refuses a file that is not a backup', async () => {
    await expect(validateBackup({ hello: 'world' }, noYield)).rejects.toThrow(/not a Backstory backup/);
    await expect(validateBackup([1, 2], noYield)).rejects.toThrow(/JSON object at the top level/);
  });

  it('refuses duplicate ids, naming both positions', async () => {
    const input = backupOf();
    input.notes[2] = { ...input.notes[2]!, id: input.notes[0]!.id };
    await expect(validateBackup(input, noYield)).rejects.toThrow(/^notes\[2\]\.id: the same id as notes\[0\]/);
  });

  it('yields to the page between chunks', async () => {
    let yields = 0;
    await validateBackup(backupOf(), { chunkSize: 10, yieldFn: async () => void yields++ });
    expect(yields).toBeGreaterThan(5);
  });
});

describe('parseJsonText', () => {
  it('turns a corrupt (truncated) file into an ImportError', () => {
    const text = JSON.stringify(backupOf()).slice(0, 500);
    expect(() => parseJsonText(text)).toThrow(ImportError);
    expect(() => parseJsonText(text)).toThrow(/not valid JSON/);
  });
});

describe('readImportFile', () => {
  it('refuses a 100 MB file by its size without reading it', async () => {
    let read = false;
    const huge = { size: 100_000_000, text: async () => { read = true; return ''; } } as unknown as Blob;
    await expect(readImportFile(huge)).rejects.toThrow(/too large to import \(100 MB; the limit is 80 MB\)/);
    expect(read).toBe(false);
  });

  // Allocating 100 MB is slow on a busy CI machine: a generous ceiling, not a timing assertion.
  it('refuses a real 100 MB Blob by size', { timeout: 60_000 }, async () => {
    const chunk = new Uint8Array(1000 * 1000);
    const blob = new Blob(Array.from({ length: 100 }, () => chunk));
    expect(blob.size).toBeGreaterThan(MAX_IMPORT_BYTES);
    await expect(readImportFile(blob)).rejects.toThrow(ImportError);
  });

  it('reads a small file', async () => {
    await expect(readImportFile(new Blob(['{"a":1}']))).resolves.toBe('{"a":1}');
  });
});
