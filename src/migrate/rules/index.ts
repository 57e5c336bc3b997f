import type { Rule } from "../rule.js";
import clientCreation from "./client-creation/index.js";
import exceptions from "./exceptions/index.js";
import executeCommand from "./execute-command/index.js";
import imports from "./imports/index.js";
import lifecycle from "./lifecycle/index.js";
import sortedSetAggregates from "./sorted-set-aggregates/index.js";
import sortedSetConstants from "./sorted-set-constants/index.js";
import sortedSetRanges from "./sorted-set-ranges/index.js";
import sortedSetScores from "./sorted-set-scores/index.js";
import typeReferences from "./type-references/index.js";
import zaddMapping from "./zadd-mapping/index.js";

/**
 * Every rule, in the order its rewrites win when two touch the same code in one round
 * (the loser is retried on the next round, against the rewritten text).
 */
export const RULES: readonly Rule[] = [
  clientCreation,
  lifecycle,
  executeCommand,
  zaddMapping,
  sortedSetRanges,
  sortedSetScores,
  sortedSetAggregates,
  sortedSetConstants,
  typeReferences,
  exceptions,
  imports,
];
