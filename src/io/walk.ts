/**
 * Lists the files a migration looks at: Python sources and dependency manifests, skipping VCS metadata,
 * caches, installed packages and virtualenvs. Symlinks are followed only while they stay inside the root.
 */
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { isManifestPath } from "../migrate/manifests/index.js";

export interface Candidate {
  /** Path relative to the root, with `/` separators: what reports show. */
  readonly path: string;
  /** The real file on disk (symlinks resolved): what is read and written. */
  readonly absolute: string;
}

export interface WalkResult {
  /** Real path of the directory the paths are relative to. */
  readonly root: string;
  readonly python: readonly Candidate[];
  /** requirements*.txt, pyproject.toml, setup.py, lock files, … (setup.py is a manifest, not code to rewrite). */
  readonly manifests: readonly Candidate[];
  /** Directories or files that could not be listed (permissions, races). */
  readonly warnings: readonly string[];
}

export class WalkError extends Error {}

/** Directory names never entered. */
const SKIPPED_DIRS = new Set([
  ".git", ".hg", ".svn", "node_modules", "site-packages", "dist-packages", "__pycache__",
  ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
]);
/** Names that hold a virtualenv when they contain an interpreter. */
const VENV_NAMES = new Set(["venv", ".venv", "env"]);

/** requirements*.txt, pyproject.toml, setup.py, lock files, …: whatever src/migrate/manifests understands. */
export function isManifest(path: string): boolean {
  return isManifestPath(path);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function isVirtualenv(dir: string, name: string): Promise<boolean> {
  if (await exists(join(dir, "pyvenv.cfg"))) return true;
  if (!VENV_NAMES.has(name)) return false;
  return (await exists(join(dir, "bin", "python"))) || (await exists(join(dir, "Scripts", "python.exe")));
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== ".." && !rel.startsWith(".." + sep) && !isAbsolute(rel);
}

function throughSkippedDir(root: string, path: string): boolean {
  return relative(root, path).split(sep).some((part) => SKIPPED_DIRS.has(part));
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Walks `target` (a directory, or one file). Order is deterministic: paths sorted by code unit.
 * A file reached twice (through a symlink) is listed once, under its real path when that is inside the walk.
 */
export async function walkProject(target: string): Promise<WalkResult> {
  let info;
  try {
    info = await stat(target);
  } catch (e) {
    throw new WalkError(`${target}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`);
  }
  if (info.isFile()) {
    const absolute = await realpath(target);
    const name = basename(target);
    const c: Candidate = { path: name, absolute };
    // A file named on the command line is Python unless it is a manifest, whatever its extension.
    return { root: dirname(absolute), python: isManifest(name) ? [] : [c], manifests: isManifest(name) ? [c] : [], warnings: [] };
  }
  if (!info.isDirectory()) throw new WalkError(`${target}: not a file or directory`);

  const root = await realpath(target);
  const found: Candidate[] = [];
  const warnings: string[] = [];
  const seenDirs = new Set<string>([root]);
  // Linked directories wait until every directly reachable one is known, so a link never hides its target.
  const linkedDirs: { absolute: string; path: string; name: string }[] = [];

  const enter = async (absolute: string, path: string, name: string): Promise<void> => {
    if (SKIPPED_DIRS.has(name) || seenDirs.has(absolute)) return;
    if (await isVirtualenv(absolute, name)) return;
    seenDirs.add(absolute);
    await visit(absolute, path);
  };

  const visit = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      warnings.push(`${rel || "."}: cannot list (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return;
    }
    for (const entry of entries.sort((a, b) => byName(a.name, b.name))) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      let absolute = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          absolute = await realpath(absolute);
          const s = await stat(absolute);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          continue; // dangling link
        }
        // A link is no way into what the walk skips: outside the root, installed packages, caches.
        if (!inside(root, absolute) || throughSkippedDir(root, absolute)) continue;
        if (isDir) {
          linkedDirs.push({ absolute, path, name: entry.name });
          continue;
        }
      }
      if (isDir) await enter(absolute, path, entry.name);
      else if (isFile && (entry.name.endsWith(".py") || isManifest(path))) found.push({ path, absolute });
    }
  };
  await visit(root, "");
  while (linkedDirs.length > 0) {
    const link = linkedDirs.shift()!;
    await enter(link.absolute, link.path, link.name);
  }

  const unique = dedupeByRealPath(found, root);
  const python = unique.filter((c) => !isManifest(c.path));
  const manifests = unique.filter((c) => isManifest(c.path));
  return { root, python, manifests, warnings };
}

/** One candidate per real file: its own path if the walk reached it directly, else the first link to it. */
function dedupeByRealPath(found: readonly Candidate[], root: string): Candidate[] {
  const byReal = new Map<string, Candidate>();
  for (const c of [...found].sort((a, b) => byName(a.path, b.path))) {
    const direct = relative(root, c.absolute).split(sep).join("/") === c.path;
    const prev = byReal.get(c.absolute);
    if (!prev || direct) byReal.set(c.absolute, c);
  }
  return [...byReal.values()].sort((a, b) => byName(a.path, b.path));
}
