import { createHash } from "node:crypto";
import { REDIS_TARGETS, type RedisTarget } from "../../migrate/findings.js";
import { changedTexts, type MigrationReport } from "../model.js";

/** Machine-readable state a later run reads back from the PR body (Renovate keeps its own the same way). */
export interface ReportState {
  readonly schema: 1;
  readonly tool: string;
  readonly target: RedisTarget;
  /** `sha256:` of the changed files' paths and migrated texts: equal hashes mean the branch needs no update. */
  readonly filesHash: string;
}

const MARKER = "redis-migrate-state:";

export function filesHash(report: MigrationReport): string {
  const h = createHash("sha256");
  for (const f of changedTexts(report)) h.update(f.file).update("\0").update(f.output).update("\0");
  return "sha256:" + h.digest("hex");
}

export function reportState(report: MigrationReport): ReportState {
  return { schema: 1, tool: report.toolVersion, target: report.target, filesHash: filesHash(report) };
}

/** `<!-- redis-migrate-state: {…} -->`; `--` and `>` are escaped so no value can end the comment. */
export function stateComment(state: ReportState): string {
  const json = JSON.stringify(state).replace(/-(?=-)/g, "\\u002d").replace(/>/g, "\\u003e");
  return `<!-- ${MARKER} ${json} -->`;
}

/** The state written by `stateComment`, or undefined when the body has none or it is malformed. */
export function parseState(body: string): ReportState | undefined {
  const m = /<!-- redis-migrate-state: (\{.*?\}) -->/.exec(body);
  if (!m) return undefined;
  try {
    const v = JSON.parse(m[1]!) as Partial<ReportState>;
    if (v.schema !== 1 || typeof v.tool !== "string" || typeof v.filesHash !== "string") return undefined;
    if (!REDIS_TARGETS.includes(v.target as RedisTarget)) return undefined;
    return { schema: 1, tool: v.tool, target: v.target as RedisTarget, filesHash: v.filesHash };
  } catch {
    return undefined;
  }
}
