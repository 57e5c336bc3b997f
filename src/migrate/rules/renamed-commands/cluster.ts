/** aioredis 1.x `cluster_*` methods → the CLUSTER subcommand they sent (none exists as a method on redis.asyncio.Redis). */
export const CLUSTER_SUBCOMMANDS: Record<string, string> = {
  cluster_add_slots: "ADDSLOTS",
  cluster_count_failure_reports: "COUNT-FAILURE-REPORTS",
  cluster_count_key_in_slots: "COUNTKEYSINSLOT",
  cluster_del_slots: "DELSLOTS",
  cluster_failover: "FAILOVER",
  cluster_forget: "FORGET",
  cluster_get_keys_in_slots: "GETKEYSINSLOT",
  cluster_info: "INFO",
  cluster_keyslot: "KEYSLOT",
  cluster_meet: "MEET",
  cluster_nodes: "NODES",
  cluster_replicate: "REPLICATE",
  cluster_reset: "RESET",
  cluster_save_config: "SAVECONFIG",
  cluster_set_config_epoch: "SET-CONFIG-EPOCH",
  cluster_setslot: "SETSLOT",
  cluster_slaves: "SLAVES",
  cluster_slots: "SLOTS",
};

/** In aioredis 1.3.1 these are empty stubs (`pass  # TODO`): the call sent nothing and returned None. */
export const CLUSTER_STUBS = new Set(["cluster_failover", "cluster_info", "cluster_nodes", "cluster_setslot", "cluster_slaves", "cluster_slots"]);
