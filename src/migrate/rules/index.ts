import type { Rule } from "../rule.js";
import blockingPops from "./blocking-pops/index.js";
import clientCreation from "./client-creation/index.js";
import connectionState from "./connection-state/index.js";
import exceptions from "./exceptions/index.js";
import executeCommand from "./execute-command/index.js";
import geoCommands from "./geo-commands/index.js";
import imports from "./imports/index.js";
import lifecycle from "./lifecycle/index.js";
import pipelines from "./pipelines/index.js";
import pubsubChannels from "./pubsub-channels/index.js";
import setOptions from "./set-options/index.js";
import hashMapping from "./hash-mapping/index.js";
import msetMapping from "./mset-mapping/index.js";
import evalKeysArgs from "./eval-keys-args/index.js";
import scanIterators from "./scan-iterators/index.js";
import keywordRenames from "./keyword-renames/index.js";
import sortArguments from "./sort-arguments/index.js";
import linsertWhere from "./linsert-where/index.js";
import renamedCommands from "./renamed-commands/index.js";
import repeatedClients from "./repeated-clients/index.js";
import sentinel from "./sentinel/index.js";
import replyShapes from "./reply-shapes/index.js";
import callEncoding from "./call-encoding/index.js";
import sortedSetAggregates from "./sorted-set-aggregates/index.js";
import sortedSetConstants from "./sorted-set-constants/index.js";
import sortedSetRanges from "./sorted-set-ranges/index.js";
import sortedSetScores from "./sorted-set-scores/index.js";
import streams from "./streams/index.js";
import typeReferences from "./type-references/index.js";
import unawaitedCommands from "./unawaited-commands/index.js";
import watchTransactions from "./watch-transactions/index.js";
import zaddMapping from "./zadd-mapping/index.js";

/**
 * Every rule, in the order its rewrites win when two touch the same code in one round
 * (the loser is retried on the next round, against the rewritten text).
 */
export const RULES: readonly Rule[] = [
  clientCreation,
  sentinel,
  repeatedClients,
  lifecycle,
  connectionState,
  watchTransactions,
  executeCommand,
  pipelines,
  pubsubChannels,
  unawaitedCommands,
  setOptions,
  hashMapping,
  msetMapping,
  evalKeysArgs,
  scanIterators,
  keywordRenames,
  sortArguments,
  linsertWhere,
  renamedCommands,
  replyShapes,
  callEncoding,
  zaddMapping,
  sortedSetRanges,
  sortedSetScores,
  sortedSetAggregates,
  sortedSetConstants,
  blockingPops,
  geoCommands,
  streams,
  typeReferences,
  exceptions,
  imports,
];
