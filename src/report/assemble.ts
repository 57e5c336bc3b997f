/**
 * Decoded files → MigrationReport + the bytes to write: the pure middle of a run, shared by the App (files from a
 * tarball) and usable by the CLI (files from disk). A changed file whose migrated text its encoding cannot hold is
 * reported as skipped and left unchanged, so nothing is ever written that would not round-trip.
 */
import type { Codec } from "../io/codecs.js";
import { encodeText } from "../io/decode.js";
import type { FileMigration, RedisTarget, SkippedFile } from "../migrate/findings.js";
import { manifestUsesAioredis, migrateManifest, pythonImportsAsyncTimeout } from "../migrate/manifests/index.js";
import { migrateProject } from "../migrate/project.js";
import type { ManifestMigration, MigrationReport } from "./model.js";

export interface DecodedFile {
  readonly path: string;
  readonly text: string;
  readonly codec: Codec;
}

export interface AssembleInput {
  readonly toolVersion: string;
  readonly target: RedisTarget;
  readonly todoComments: boolean;
  /** Python sources (not manifests: `setup.py` is a manifest). */
  readonly python: readonly DecodedFile[];
  readonly manifests: readonly DecodedFile[];
  /** Files found but not read (too large, binary, undecodable). */
  readonly skipped: readonly SkippedFile[];
}

export interface AssembledMigration {
  readonly report: MigrationReport;
  /** Encoded new contents of each changed file, by path. */
  readonly writes: ReadonlyMap<string, Uint8Array>;
  /** Changed files whose migrated text cannot be encoded back (now listed in `report.skipped`). */
  readonly unencodable: readonly string[];
  /** Files that do not parse (listed in `report.skipped` as syntax errors). */
  readonly syntaxErrors: readonly string[];
}

export function assembleMigration(input: AssembleInput): AssembledMigration {
  const manifestSources = input.manifests.map((f) => ({ path: f.path, text: f.text }));
  const project = migrateProject(
    input.python.map((f) => ({ path: f.path, text: f.text })),
    { target: input.target, todoComments: input.todoComments },
    manifestSources.some((m) => manifestUsesAioredis(m.path, m.text)),
  );
  // whether the code itself imports async_timeout decides what to say about an `async-timeout` pin
  const context = { importsAsyncTimeout: pythonImportsAsyncTimeout(input.python) };
  const manifestResults: ManifestMigration[] = manifestSources.map((m) => {
    const { file, input: text, output, changes, manualSteps } = migrateManifest(m.path, m.text, input.target, context);
    return { file, input: text, output, changes, manualSteps };
  });

  const skipped: SkippedFile[] = [...input.skipped];
  for (const e of project.syntaxErrors) skipped.push({ file: e.file, reason: "syntax-error", detail: e.detail });

  const codecs = new Map([...input.python, ...input.manifests].map((f) => [f.path, f.codec]));
  const writes = new Map<string, Uint8Array>();
  const unencodable: string[] = [];
  const encodable = <T extends { file: string; input: string; output: string }>(r: T, unchanged: T): T => {
    if (r.output === r.input) return r;
    const encoded = encodeText(r.output, codecs.get(r.file)!);
    if (encoded.ok) {
      writes.set(r.file, encoded.bytes);
      return r;
    }
    skipped.push({ file: r.file, reason: "unsupported-encoding", detail: `the migrated text cannot be written back: ${encoded.detail}` });
    unencodable.push(r.file);
    return unchanged;
  };
  const files: FileMigration[] = project.files.map((r) =>
    encodable(r, { file: r.file, input: r.input, output: r.input, changes: [], manualSteps: [], parsed: r.parsed }),
  );
  const manifests = manifestResults.map((m) => encodable(m, { ...m, output: m.input, changes: [], manualSteps: [] }));
  return {
    report: { toolVersion: input.toolVersion, target: input.target, files, manifests, skipped },
    writes,
    unencodable,
    syntaxErrors: project.syntaxErrors.map((e) => e.file),
  };
}
