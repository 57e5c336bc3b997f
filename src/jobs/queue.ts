/**
 * The in-process work queue: jobs run in arrival order with at most `concurrency` at once, never two for the same
 * repository at a time; a job whose coalescing key is already waiting for that repository is dropped (it would do
 * the same work). Webhook handlers only enqueue, so GitHub gets its answer within its 10-second timeout.
 */

export interface QueuedJob {
  /** `installation/owner/repo`: jobs with the same key run one after the other. */
  readonly repoKey: string;
  /** Equal keys waiting for the same repository are one job (`auto`: a scan and a refresh of the same head). */
  readonly coalesceKey?: string;
  readonly run: () => Promise<void>;
}

export class JobQueue {
  private readonly waiting = new Map<string, QueuedJob[]>();
  /** Repository keys with waiting jobs, oldest first; a key is here at most once. */
  private readonly order: string[] = [];
  private readonly running = new Set<string>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly concurrency = 4,
    private readonly onError: (error: unknown, job: QueuedJob) => void = () => undefined,
  ) {}

  /** Adds a job; false when an equal job already waits for the repository. */
  enqueue(job: QueuedJob): boolean {
    const list = this.waiting.get(job.repoKey) ?? [];
    if (job.coalesceKey !== undefined && list.some((j) => j.coalesceKey === job.coalesceKey)) return false;
    list.push(job);
    this.waiting.set(job.repoKey, list);
    if (!this.order.includes(job.repoKey)) this.order.push(job.repoKey);
    this.pump();
    return true;
  }

  get pending(): number {
    let n = 0;
    for (const l of this.waiting.values()) n += l.length;
    return n;
  }

  get active(): number {
    return this.running.size;
  }

  /** Resolves when nothing runs and nothing waits (tests, graceful shutdown). */
  idle(): Promise<void> {
    if (this.running.size === 0 && this.order.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running.size < this.concurrency) {
      const at = this.order.findIndex((k) => !this.running.has(k));
      if (at === -1) break;
      const key = this.order.splice(at, 1)[0]!;
      const list = this.waiting.get(key)!;
      const job = list.shift()!;
      if (list.length === 0) this.waiting.delete(key);
      this.running.add(key);
      void this.execute(job);
    }
    if (this.running.size === 0 && this.order.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async execute(job: QueuedJob): Promise<void> {
    try {
      await job.run();
    } catch (error) {
      this.onError(error, job);
    } finally {
      this.running.delete(job.repoKey);
      if (this.waiting.has(job.repoKey) && !this.order.includes(job.repoKey)) this.order.push(job.repoKey);
      this.pump();
    }
  }
}

/** Runs the functions given for one key one at a time (an installation's publishing: one PR after the other). */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(fn);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** A set that forgets its oldest entries past `max` (delivery ids, completed runs). */
export class RecentSet {
  private readonly items = new Set<string>();

  constructor(private readonly max = 10_000) {}

  has(key: string): boolean {
    return this.items.has(key);
  }

  /** Adds the key; false when it was already there. */
  add(key: string): boolean {
    if (this.items.has(key)) return false;
    this.items.add(key);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value!);
    return true;
  }

  delete(key: string): void {
    this.items.delete(key);
  }
}
