import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles, stripComments } from './sourceFiles';

/*
 * One write path (issue #19, item 2; docs/decisions/001). The library page wrote Dexie itself, so deleting an article
 * there never told the tabs showing it: its highlights stayed painted and a note typed on one was lost. The
 * background writes and tells the tabs; pages read with liveQuery and write with messages. THE RULE, in full:
 *
 * - A DATABASE WRITE is code that opens a read-write transaction (`transaction('rw'…`) or calls a Dexie write
 *   method (add, put, update, delete, clear, bulkAdd, bulkPut, bulkDelete, bulkUpdate, modify) at the end of a
 *   call chain that starts at a database or transaction handle: `db.highlights.put(`, `db[t].clear(`,
 *   `db.articles.where('tags').equals(t).modify(`, `tx.table('x').toCollection().modify(`.
 * - A WRITE FUNCTION is a top-level declaration of a module under utils/ that contains a database write or refers to
 *   a write function (of its own module, or value-imported from another module under utils/), to a fixpoint.
 *   utils/db/schema.ts is not one: its BackstoryDB is the handle pages read through (its upgrades run wherever the
 *   database is opened first).
 * - A PAGE is any file under components/ or entrypoints/ but entrypoints/background/. A page neither value-imports a
 *   write function (`import type` is fine: it is erased) nor contains a database write itself.
 * - The one exception is ALLOWED below: an import is written by the library page (too large for a message) and
 *   announced to the background with `library/changed`.
 */

/** The page-side writes the rule allows, each with its reason. */
const ALLOWED: ReadonlyArray<{ file: string; name: string; why: string }> = [
  {
    file: 'components/library/importIntoLibrary.ts',
    name: 'applyImport',
    why: 'an import may be 80 MB in one transaction, more than a message carries; it sends library/changed after',
  },
];

const WRITE_METHODS = 'add|put|update|delete|clear|bulkAdd|bulkPut|bulkDelete|bulkUpdate|modify';
/** A database write (see the rule above). */
const DATABASE_WRITE = new RegExp(
  `\\btransaction\\(\\s*['"]rw|\\b(?:db|tx)(?:\\.\\w+|\\[\\w+\\]|\\.table\\([^()]*\\))(?:\\.\\w+\\((?:[^()]|\\([^()]*\\))*\\))*\\.(?:${WRITE_METHODS})\\(`,
);

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

interface Binding {
  /** The module the name comes from (absolute path). */
  module: string;
  /** Its name there (`*` for a namespace import). */
  name: string;
}

/** Value imports (and `export … from` re-exports) of a file: local name → where it comes from. Type-only ones are left out. */
function valueBindings(file: string, source: string): { imports: Map<string, Binding>; reexports: Map<string, Binding> } {
  const imports = new Map<string, Binding>();
  const reexports = new Map<string, Binding>();
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue;
    const module = resolveLocal(file, m[4]!);
    if (!module) continue;
    const clause = m[3]!;
    const target = m[1] === 'import' ? imports : reexports;
    const star = /\*\s+as\s+(\w+)/.exec(clause);
    if (star) target.set(star[1]!, { module, name: '*' });
    const named = /\{([^}]*)\}/.exec(clause);
    for (const part of named ? named[1]!.split(',') : []) {
      const spec = part.trim();
      if (!spec || spec.startsWith('type ')) continue;
      const [name, alias] = spec.split(/\s+as\s+/);
      target.set((alias ?? name)!.trim(), { module, name: name!.trim() });
    }
    const defaultName = /^(\w+)\s*(,|$)/.exec(clause.trim());
    if (m[1] === 'import' && defaultName) target.set(defaultName[1]!, { module, name: 'default' });
  }
  return { imports, reexports };
}

/** A module's top-level declarations (name → text), split where a line starts a new one. */
function declarations(source: string): Map<string, string> {
  const found = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  const flush = () => current && found.set(current, (found.get(current) ?? '') + lines.join('\n'));
  for (const line of source.split('\n')) {
    const start = /^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+(\w+)/.exec(line);
    if (start || /^(import|export)\s/.test(line)) {
      flush();
      current = start ? start[1]! : null;
      lines = [];
    }
    if (current) lines.push(line);
  }
  flush();
  return found;
}

interface Module {
  file: string;
  decls: Map<string, string>;
  imports: Map<string, Binding>;
  reexports: Map<string, Binding>;
}

const utilsModules = new Map<string, Module>(
  sourceFiles(resolve(ROOT, 'utils')).map((file) => {
    const source = stripComments(readFileSync(file, 'utf8'));
    return [file, { file, decls: declarations(source), ...valueBindings(file, source) }];
  }),
);
const SCHEMA = resolve(ROOT, 'utils/db/schema.ts');

/** Every write function under utils/, as "module path#name", computed to a fixpoint. */
function writeFunctions(): Set<string> {
  const writers = new Set<string>();
  const key = (module: string, name: string) => `${module}#${name}`;
  const isWriter = (binding: Binding): boolean => {
    const module = utilsModules.get(binding.module);
    if (!module || binding.module === SCHEMA) return false;
    if (binding.name === '*') return [...module.decls.keys()].some((n) => writers.has(key(module.file, n)));
    const reexport = module.reexports.get(binding.name);
    return reexport ? isWriter(reexport) : writers.has(key(module.file, binding.name));
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (const module of utilsModules.values()) {
      if (module.file === SCHEMA) continue;
      for (const [name, text] of module.decls) {
        if (writers.has(key(module.file, name))) continue;
        const refersTo = (other: string) => new RegExp(`\\b${other}\\b`).test(text);
        const writes =
          DATABASE_WRITE.test(text) ||
          [...module.decls.keys()].some((other) => other !== name && writers.has(key(module.file, other)) && refersTo(other)) ||
          [...module.imports].some(([local, binding]) => isWriter(binding) && refersTo(local));
        if (writes) {
          writers.add(key(module.file, name));
          grew = true;
        }
      }
    }
  }
  return new Set([...writers].map((w) => relative(ROOT, w)));
}

const WRITERS = writeFunctions();
const isWriteBinding = (binding: Binding): boolean => {
  const path = relative(ROOT, binding.module);
  if (binding.name === '*') return [...WRITERS].some((w) => w.startsWith(`${path}#`));
  const reexport = utilsModules.get(binding.module)?.reexports.get(binding.name);
  return reexport ? isWriteBinding(reexport) : WRITERS.has(`${path}#${binding.name}`);
};

/** What a page breaks of the rule: "file: imports name from module" or "file: writes the database itself". */
function violations(): string[] {
  const pages = ['components', 'entrypoints']
    .flatMap((dir) => sourceFiles(resolve(ROOT, dir)))
    .filter((file) => !relative(ROOT, file).startsWith('entrypoints/background/'));
  return pages.flatMap((file) => {
    const path = relative(ROOT, file);
    const source = stripComments(readFileSync(file, 'utf8'));
    const allowed = ALLOWED.filter((a) => a.file === path).map((a) => a.name);
    const found = [...valueBindings(file, source).imports]
      .filter(([, binding]) => isWriteBinding(binding) && !allowed.includes(binding.name))
      .map(([, binding]) => `${path}: imports ${binding.name} from ${relative(ROOT, binding.module)}`);
    if (DATABASE_WRITE.test(source)) found.push(`${path}: writes the database itself`);
    return found;
  });
}

describe('one write path: pages write through the background', () => {
  it('no page imports a write function or writes the database itself', () => {
    expect(violations()).toEqual([]);
  });

  it('finds the write functions it must (the rule would pass on nothing otherwise), and no read', () => {
    for (const writer of [
      'utils/db/highlights.ts#createHighlight',
      'utils/db/highlights.ts#deleteHighlight',
      'utils/db/notes.ts#saveArticleNote',
      'utils/library/tags.ts#renameTag',
      'utils/library/tags.ts#setArticleTags',
      'utils/library/deleteArticle.ts#restoreArticle',
      'utils/library/deleteArticle.ts#deleteEverything',
      'utils/library/mergeImport.ts#applyImport',
      'utils/history/recordRead.ts#clearHistory',
      // Through another module: it writes only by calling saveChoice (utils/knowledge/linkChoices.ts).
      'utils/knowledge/linkEntities.ts#chooseLink',
    ]) {
      expect(WRITERS, writer).toContain(writer);
    }
    for (const read of ['utils/db/highlights.ts#listHighlights', 'utils/library/tags.ts#listTags', 'utils/library/mergeImport.ts#previewImport', 'utils/db/copies.ts#copiesUsage']) {
      expect(WRITERS, read).not.toContain(read);
    }
  });

  it('the one allowed page write is still there and still needed (an allowance outliving its use hides the next one)', () => {
    for (const { file, name } of ALLOWED) {
      const source = stripComments(readFileSync(resolve(ROOT, file), 'utf8'));
      expect([...valueBindings(resolve(ROOT, file), source).imports.values()].some((b) => b.name === name && isWriteBinding(b)), `${file} ${name}`).toBe(true);
    }
  });

  it('a direct write is recognised, and a Set or a highlight registry is not a database', () => {
    expect(DATABASE_WRITE.test("await db.highlights.where('url').equals(url).delete();")).toBe(true);
    expect(DATABASE_WRITE.test("db.transaction('rw', db.articles, async () => {})")).toBe(true);
    expect(DATABASE_WRITE.test('for (const t of TABLES) await db[t].clear();')).toBe(true);
    expect(DATABASE_WRITE.test('asked.current.delete(key); registry.delete(FLASH); changes[table].add(id);')).toBe(false);
    expect(DATABASE_WRITE.test('for (const r of await db.reads.bulkGet(missing)) if (r) known.add(r.id);')).toBe(false);
  });
});
