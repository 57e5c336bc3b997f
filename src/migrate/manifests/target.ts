import type { RedisTarget } from "../findings.js";

/** What the target redis-py release means for manifests (see README.md, "Which version is written"). */
export interface TargetFacts {
  readonly target: RedisTarget;
  /** The floor written into manifests: `5.0.1` or `4.2.0`. */
  readonly floor: string;
  /** `>=5.0.1` */
  readonly spec: string;
  /** Lowest Python the floor release supports (redis-py 4.2–4.3: 3.6; 4.4–5.0: 3.7). */
  readonly python: string;
  /** Why that floor, as a clause: "the first release with `aclose()`". */
  readonly reason: string;
  /** Whether redis-py at the floor ships its own type hints (`py.typed`, from 5.0.0). */
  readonly typed: boolean;
}

export function targetFacts(target: RedisTarget): TargetFacts {
  if (target === "4.2") {
    return {
      target,
      floor: "4.2.0",
      spec: ">=4.2.0",
      python: "3.6",
      reason: "the first release with `redis.asyncio`",
      typed: false,
    };
  }
  return {
    target,
    floor: "5.0.1",
    spec: ">=5.0.1",
    python: "3.7",
    reason: "the first release with `aclose()`, which the migrated code calls",
    typed: true,
  };
}
