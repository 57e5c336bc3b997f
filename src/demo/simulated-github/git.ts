/**
 * A git object model small enough to keep in memory and faithful enough for GitHub's git data API: blobs, trees
 * and commits addressed by their real git SHA-1 (`sha1("<type> <size>\0<body>")`, so a SHA computed here equals
 * the one `git hash-object` would print), trees built from and flattened to `path → file` maps, and ancestry for
 * fast-forward checks and `compare`.
 */
import { createHash } from "node:crypto";

export type FileMode = "100644" | "100755" | "120000";

export interface BlobObject {
  readonly type: "blob";
  readonly bytes: Buffer;
}

export interface TreeItem {
  readonly name: string;
  /** `040000` for a sub-tree. */
  readonly mode: FileMode | "040000";
  readonly sha: string;
}

export interface TreeObject {
  readonly type: "tree";
  readonly entries: readonly TreeItem[];
}

export interface Signature {
  readonly name: string;
  readonly email: string;
  /** ISO 8601, as the REST API reports it. */
  readonly date: string;
}

export interface CommitObject {
  readonly type: "commit";
  readonly tree: string;
  readonly parents: readonly string[];
  readonly message: string;
  readonly author: Signature;
  readonly committer: Signature;
  /** The GitHub account the author/committer email belongs to (null: an email GitHub does not know). */
  readonly authorLogin: string | null;
  readonly committerLogin: string | null;
}

export type GitObject = BlobObject | TreeObject | CommitObject;

/** One file of a flattened tree. */
export interface FlatFile {
  readonly sha: string;
  readonly mode: FileMode;
}

function hashObject(type: string, body: Buffer): string {
  return createHash("sha1").update(`${type} ${body.length}\0`).update(body).digest("hex");
}

function signatureLine(s: Signature): string {
  const seconds = Math.floor(Date.parse(s.date) / 1000);
  return `${s.name} <${s.email}> ${seconds} +0000`;
}

/** git's order for tree entries: by name, sub-trees compared as if their name ended with "/". */
function treeOrder(a: TreeItem, b: TreeItem): number {
  const ka = a.mode === "040000" ? `${a.name}/` : a.name;
  const kb = b.mode === "040000" ? `${b.name}/` : b.name;
  return Buffer.compare(Buffer.from(ka), Buffer.from(kb));
}

export class ObjectStore {
  private readonly objects = new Map<string, GitObject>();

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  has(sha: string): boolean {
    return this.objects.has(sha);
  }

  blob(sha: string): BlobObject | undefined {
    const o = this.objects.get(sha);
    return o?.type === "blob" ? o : undefined;
  }

  tree(sha: string): TreeObject | undefined {
    const o = this.objects.get(sha);
    return o?.type === "tree" ? o : undefined;
  }

  commit(sha: string): CommitObject | undefined {
    const o = this.objects.get(sha);
    return o?.type === "commit" ? o : undefined;
  }

  putBlob(bytes: Buffer): string {
    const sha = hashObject("blob", bytes);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: "blob", bytes: Buffer.from(bytes) });
    return sha;
  }

  putTree(entries: readonly TreeItem[]): string {
    const sorted = [...entries].sort(treeOrder);
    const body = Buffer.concat(sorted.map((e) => Buffer.concat([Buffer.from(`${e.mode === "040000" ? "40000" : e.mode} ${e.name}\0`), Buffer.from(e.sha, "hex")])));
    const sha = hashObject("tree", body);
    if (!this.objects.has(sha)) this.objects.set(sha, { type: "tree", entries: sorted });
    return sha;
  }

  putCommit(c: Omit<CommitObject, "type">): string {
    const lines = [`tree ${c.tree}`, ...c.parents.map((p) => `parent ${p}`), `author ${signatureLine(c.author)}`, `committer ${signatureLine(c.committer)}`, "", c.message];
    const sha = hashObject("commit", Buffer.from(lines.join("\n")));
    if (!this.objects.has(sha)) this.objects.set(sha, { type: "commit", ...c });
    return sha;
  }

  /** Builds the tree of a `path → file` map (paths with `/`), returning the root tree SHA. */
  putFlatTree(files: ReadonlyMap<string, FlatFile>): string {
    interface Dir {
      files: Map<string, FlatFile>;
      dirs: Map<string, Dir>;
    }
    const root: Dir = { files: new Map(), dirs: new Map() };
    for (const [path, file] of files) {
      const parts = path.split("/");
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let next = dir.dirs.get(part);
        if (!next) dir.dirs.set(part, (next = { files: new Map(), dirs: new Map() }));
        dir = next;
      }
      dir.files.set(parts[parts.length - 1]!, file);
    }
    const write = (dir: Dir): string =>
      this.putTree([
        ...[...dir.files].map(([name, f]) => ({ name, mode: f.mode, sha: f.sha })),
        ...[...dir.dirs].map(([name, d]) => ({ name, mode: "040000" as const, sha: write(d) })),
      ]);
    return write(root);
  }

  /** Every file under a tree, by full path, in git's order. */
  flatten(treeSha: string): Map<string, FlatFile> {
    const out = new Map<string, FlatFile>();
    const walk = (sha: string, prefix: string): void => {
      const tree = this.tree(sha);
      if (!tree) throw new Error(`no tree ${sha}`);
      for (const e of tree.entries) {
        if (e.mode === "040000") walk(e.sha, `${prefix}${e.name}/`);
        else out.set(`${prefix}${e.name}`, { sha: e.sha, mode: e.mode });
      }
    };
    walk(treeSha, "");
    return out;
  }

  /** Every entry (sub-trees included) under a tree, depth first in git's order: what `?recursive=1` lists. */
  walk(treeSha: string): { path: string; item: TreeItem }[] {
    const out: { path: string; item: TreeItem }[] = [];
    const visit = (sha: string, prefix: string): void => {
      for (const e of this.tree(sha)!.entries) {
        out.push({ path: `${prefix}${e.name}`, item: e });
        if (e.mode === "040000") visit(e.sha, `${prefix}${e.name}/`);
      }
    };
    visit(treeSha, "");
    return out;
  }

  /** Commits reachable from `sha` (itself included). */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      const c = this.commit(s);
      if (!c) continue;
      seen.add(s);
      stack.push(...c.parents);
    }
    return seen;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  /** The newest common ancestor (by walking `b`'s history breadth first), or null. */
  mergeBase(a: string, b: string): string | null {
    const fromA = this.ancestors(a);
    const queue = [b];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const s = queue.shift()!;
      if (seen.has(s)) continue;
      seen.add(s);
      if (fromA.has(s)) return s;
      queue.push(...(this.commit(s)?.parents ?? []));
    }
    return null;
  }
}
