/**
 * GitHub's content-creation limits (secondary limits: about 80 writes a minute and 500 an hour per installation,
 * web UI included). Every write an installation makes takes a slot here first, one after the other; a 403/429
 * secondary-limit answer pauses the installation for `retry-after` (else until `x-ratelimit-reset`, else a
 * minute, doubling) and the write is retried.
 */
import type { Logger } from "pino";
import type { OctokitRequester } from "../github/octokit-gateway.js";
import type { Clock } from "./clock.js";

export interface PacerLimits {
  readonly perMinute: number;
  readonly perHour: number;
}

/** Below GitHub's 80/min and 500/h, leaving room for the people working in the same installation. */
export const CONTENT_LIMITS: PacerLimits = { perMinute: 60, perHour: 450 };

const MINUTE = 60_000;
const HOUR = 3_600_000;

export class ContentPacer {
  private readonly stamps = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    readonly clock: Clock,
    private readonly limits: PacerLimits = CONTENT_LIMITS,
  ) {}

  /** Waits for a write slot of `key` (an installation); slots are handed out in call order. */
  acquire(key: string): Promise<void> {
    const next = (this.chains.get(key) ?? Promise.resolve()).then(() => this.take(key));
    const settled = next.catch(() => undefined);
    this.chains.set(key, settled);
    void settled.then(() => {
      if (this.chains.get(key) === settled) this.chains.delete(key);
    });
    return next;
  }

  /** No write for `key` before `ms` from now (a secondary-limit answer). */
  pause(key: string, ms: number): void {
    const until = this.clock.now() + ms;
    if (until > (this.pausedUntil.get(key) ?? 0)) this.pausedUntil.set(key, until);
  }

  /** Writes recorded for `key` in the last hour (for tests and logs). */
  recent(key: string): number {
    const now = this.clock.now();
    return (this.stamps.get(key) ?? []).filter((t) => t > now - HOUR).length;
  }

  private async take(key: string): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const stamps = (this.stamps.get(key) ?? []).filter((t) => t > now - HOUR);
      this.stamps.set(key, stamps);
      let ready = this.pausedUntil.get(key) ?? 0;
      if (stamps.length >= this.limits.perHour) ready = Math.max(ready, stamps[stamps.length - this.limits.perHour]! + HOUR);
      const lastMinute = stamps.filter((t) => t > now - MINUTE);
      if (lastMinute.length >= this.limits.perMinute) ready = Math.max(ready, lastMinute[lastMinute.length - this.limits.perMinute]! + MINUTE);
      if (ready <= now) {
        stamps.push(now);
        return;
      }
      await this.clock.sleep(ready - now);
    }
  }
}

interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

/** A secondary-limit answer: 429, or 403 with `retry-after`, an exhausted quota or the secondary-limit message. */
export function isSecondaryLimit(error: unknown): boolean {
  const e = error as HttpErrorLike;
  if (e?.status === 429) return true;
  if (e?.status !== 403) return false;
  const h = e.response?.headers ?? {};
  return h["retry-after"] !== undefined || String(h["x-ratelimit-remaining"]) === "0" || /secondary rate limit|abuse/i.test(e.message ?? "");
}

/** How long to wait before retrying (attempt 0, 1, …). */
export function retryDelay(error: unknown, attempt: number, now: number): number {
  const h = (error as HttpErrorLike).response?.headers ?? {};
  const after = Number(h["retry-after"]);
  if (Number.isFinite(after) && after >= 0) return after * 1000;
  const reset = Number(h["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset * 1000 > now) return reset * 1000 - now;
  return MINUTE * 2 ** attempt;
}

const MAX_RETRIES = 3;

/** The requester the gateway gets: reads go straight through, every write is paced and retried on a limit. */
export function pacedRequester(octokit: OctokitRequester, pacer: ContentPacer, key: string, log: Logger): OctokitRequester {
  return {
    async request(route, parameters) {
      const method = route.split(" ", 1)[0]!.toUpperCase();
      if (method === "GET" || method === "HEAD") return octokit.request(route, parameters);
      for (let attempt = 0; ; attempt++) {
        await pacer.acquire(key);
        try {
          return await octokit.request(route, parameters);
        } catch (error) {
          if (!isSecondaryLimit(error) || attempt >= MAX_RETRIES) throw error;
          const wait = retryDelay(error, attempt, pacer.clock.now());
          log.warn({ route, status: (error as HttpErrorLike).status, retryInMs: wait }, "GitHub secondary rate limit: pausing this installation's writes");
          pacer.pause(key, wait);
        }
      }
    },
  };
}
