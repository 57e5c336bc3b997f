import type { SyntaxNode } from "../../parser.js";

export interface Pair {
  readonly score: SyntaxNode;
  readonly member: SyntaxNode;
}

/**
 * `{member: score, …}` for aioredis' `score, member, …` arguments. Pairs written on one line stay on one line;
 * pairs spread over lines become one entry per line, keeping the comments written between them.
 */
export function mappingText(pairs: readonly Pair[], args: SyntaxNode, text: string): string {
  const entries = pairs.map((p) => `${p.member.text}: ${p.score.text}`);
  const first = pairs[0]!.score;
  const last = pairs[pairs.length - 1]!.member;
  if (!text.slice(first.startIndex, last.endIndex).includes("\n")) return `{${entries.join(", ")}}`;
  const lineStart = text.lastIndexOf("\n", first.startIndex - 1) + 1;
  const indent = text.slice(lineStart, first.startIndex);
  if (indent.trim() !== "") return `{${entries.join(", ")}}`;
  const inner = indent + (indent.includes("\t") ? "\t" : "    ");
  const nl = text.slice(0, lineStart).endsWith("\r\n") ? "\r\n" : "\n";
  const comments = args.namedChildren.filter((c) => c.type === "comment" && c.startIndex > first.startIndex && c.endIndex <= last.endIndex);
  const lines = pairs.map((p, i) => {
    const next = pairs[i + 1]?.score.startIndex ?? Infinity;
    const own = comments.filter((c) => c.startIndex > p.score.startIndex && c.startIndex < next).map((c) => `  ${c.text}`);
    return `${inner}${entries[i]},${own.join("")}`;
  });
  return `{${nl}${lines.join(nl)}${nl}${indent}}`;
}
