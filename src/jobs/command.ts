/** The `/redis-migrate` comment command (pure). */

export type CommandKind = "run" | "dry-run" | "recreate";

export type ParsedCommand =
  | { readonly ok: true; readonly kind: CommandKind }
  /** A comment that starts with the command but asks for something else (`given`: the rest of the line). */
  | { readonly ok: false; readonly given: string };

export const COMMAND = "/redis-migrate";

const START = /^\s*\/redis-migrate(?=\s|$)/;

/** Whether the comment is addressed to the App at all: its first word is `/redis-migrate`. */
export function isCommand(body: string | null | undefined): boolean {
  return typeof body === "string" && START.test(body);
}

/**
 * The command on the first line: `/redis-migrate`, `/redis-migrate dry-run` or `/redis-migrate recreate`.
 * Anything else on that line is not guessed at; the lines below are free text (a reason, a mention).
 */
export function parseCommand(body: string): ParsedCommand {
  const firstLine = body.replace(START, "").split(/\r?\n/, 1)[0]!.trim();
  const arg = firstLine.toLowerCase();
  if (arg === "") return { ok: true, kind: "run" };
  if (arg === "dry-run") return { ok: true, kind: "dry-run" };
  if (arg === "recreate") return { ok: true, kind: "recreate" };
  return { ok: false, given: firstLine };
}
