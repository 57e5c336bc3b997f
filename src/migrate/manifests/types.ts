import type { TextEdit } from "../edits.js";
import type { Change, ManualStep } from "../findings.js";
import type { ManifestDocument } from "./document.js";
import type { Dialect } from "./versions.js";

/** The `ruleId` of every change and manual step reported for a manifest. */
export const MANIFEST_RULE_ID = "manifests";

export type ManifestKind =
  | "requirements"
  | "pyproject"
  | "setup-cfg"
  | "setup-py"
  | "pipfile"
  | "conda"
  | "tox"
  | "lock";

/** What the manifest migrator may be told about the rest of the project (each fact optional: unknown). */
export interface ManifestContext {
  /** Whether some Python module of the project imports `async_timeout` (`pythonImportsAsyncTimeout`). */
  readonly importsAsyncTimeout?: boolean;
}

/** The result of migrating one manifest. `output === input` when nothing changed. */
export interface ManifestMigration {
  readonly file: string;
  readonly input: string;
  readonly output: string;
  readonly changes: readonly Change[];
  readonly manualSteps: readonly ManualStep[];
  /** The format the path was recognised as; `null` when `isManifestPath(file)` is false (nothing is done). */
  readonly kind: ManifestKind | null;
}

/** One format: which paths it owns and how it finds and rewrites the dependency entries in them. */
export interface ManifestFormat {
  readonly kind: ManifestKind;
  /** One line for docs and reports. */
  readonly description: string;
  /** Whether the (slash-separated, repository-relative) path is a file of this format. */
  matches(path: string): boolean;
  /** Finds the dependency lists and hands them to `planDocument` (or reports what it cannot read). */
  update(doc: ManifestDocument): void;
}

/** Which package index an entry's name belongs to (a conda environment mixes both). */
export type Ecosystem = "pypi" | "conda";

/** What `update` may change in an entry at once (the edits never overlap each other). */
export interface EntryUpdate {
  readonly name?: string;
  /** The new version constraint, in the entry's dialect (`>=5.0.1`). */
  readonly spec?: string;
  readonly addExtras?: readonly string[];
}

/** Why an entry cannot be edited automatically, and what to tell the person instead. */
export interface Blocker {
  /** Completes "the `aioredis` entry …", e.g. "is installed from a VCS URL". */
  readonly reason: string;
  /** Replaces the generic instruction when the format knows better (e.g. regenerate with hashes). */
  readonly what?: string;
  readonly suggestion?: string;
}

/** How an entry is taken out of its list. */
export type Removal =
  /**
   * Delete whole lines (0-based, inclusive). With `container`, the entry is one of `items` under a header line
   * (conda's `- pip:`) that must go too when all its items do (an empty block would be `null`).
   */
  | { readonly kind: "lines"; readonly first: number; readonly last: number; readonly container?: LineContainer }
  /** Delete element `index` of a delimited list (TOML/Python arrays, `;`-separated setup.cfg values). */
  | { readonly kind: "element"; readonly list: DelimitedList; readonly index: number };

/** A header line and the number of item lines below it. */
export interface LineContainer {
  readonly header: number;
  readonly items: number;
}

/** A list of values separated by `separator` (`,` or `;`), as spans of the document text. */
export interface DelimitedList {
  readonly elements: readonly { readonly start: number; readonly end: number }[];
  readonly separator: string;
}

/** One dependency entry, whatever its syntax: a requirement line, an array string, a TOML key, a conda item. */
export interface DepEntry {
  /** Normalised (PEP 503) name. */
  readonly name: string;
  readonly ecosystem: Ecosystem;
  readonly dialect: Dialect;
  /** Span of the whole entry in the document (manual steps are anchored at `start`). */
  readonly start: number;
  readonly end: number;
  readonly extras: readonly string[];
  /** Environment marker or other install condition, normalised for comparison ("" when none). */
  readonly condition: string;
  /** The version constraint as written ("" when none). */
  readonly spec: string;
  /** Set when the entry is not a plain version requirement (URL, path, hashes, computed, unreadable). */
  readonly blocker: Blocker | null;
  readonly removal: Removal;
  /** The edits that rename it / change its constraint / add extras. */
  update(u: EntryUpdate): readonly TextEdit[];
}

/** Entries that form one list or table: `redis` must not appear twice in it. */
export interface DepGroup {
  readonly entries: readonly DepEntry[];
}
