import assert from "node:assert/strict";
import { test } from "node:test";
import { JobQueue, KeyedMutex, RecentSet } from "../../src/jobs/queue.js";

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

test("never two jobs of one repository at once; other repositories go ahead, up to the concurrency", async () => {
  const q = new JobQueue(2);
  const log: string[] = [];
  const gates = new Map<string, ReturnType<typeof gate>>();
  const job = (repoKey: string, name: string) => ({
    repoKey,
    run: async () => {
      log.push(`start ${name}`);
      const g = gate();
      gates.set(name, g);
      await g.wait;
      log.push(`end ${name}`);
    },
  });
  q.enqueue(job("a", "a1"));
  q.enqueue(job("a", "a2"));
  q.enqueue(job("b", "b1"));
  q.enqueue(job("c", "c1"));
  await tick();
  assert.deepEqual(log, ["start a1", "start b1"], "a2 waits for a1, c1 for a free slot");
  gates.get("a1")!.open();
  await tick();
  await tick();
  assert.deepEqual(log.slice(2), ["end a1", "start a2"], "jobs start in arrival order: a2 came before c1");
  gates.get("b1")!.open();
  await tick();
  await tick();
  assert.deepEqual(log.slice(4), ["end b1", "start c1"]);
  gates.get("c1")!.open();
  gates.get("a2")!.open();
  await q.idle();
  assert.equal(q.active, 0);
  assert.equal(q.pending, 0);
});

test("an equal job already waiting for the repository is not added twice", async () => {
  const q = new JobQueue(1);
  const g = gate();
  let runs = 0;
  q.enqueue({ repoKey: "a", coalesceKey: "scan", run: () => g.wait });
  assert.equal(q.enqueue({ repoKey: "a", coalesceKey: "scan", run: async () => void runs++ }), true, "the first one runs; this one waits");
  assert.equal(q.enqueue({ repoKey: "a", coalesceKey: "scan", run: async () => void runs++ }), false, "same as the waiting one");
  assert.equal(q.enqueue({ repoKey: "a", coalesceKey: "refresh", run: async () => void runs++ }), true, "another kind of work");
  assert.equal(q.enqueue({ repoKey: "a", run: async () => void runs++ }), true, "commands are never coalesced");
  g.open();
  await q.idle();
  assert.equal(runs, 3);
});

test("a failing job is reported and does not stop the queue", async () => {
  const errors: unknown[] = [];
  const q = new JobQueue(1, (e) => errors.push(e));
  let ran = false;
  q.enqueue({ repoKey: "a", run: async () => { throw new Error("boom"); } });
  q.enqueue({ repoKey: "a", run: async () => void (ran = true) });
  await q.idle();
  assert.equal(ran, true);
  assert.equal((errors[0] as Error).message, "boom");
});

test("idle() resolves at once when nothing is queued", async () => {
  await new JobQueue().idle();
});

test("KeyedMutex runs one function per key at a time", async () => {
  const m = new KeyedMutex();
  const log: string[] = [];
  const g = gate();
  const first = m.run("2", async () => { log.push("1 start"); await g.wait; log.push("1 end"); });
  const second = m.run("2", async () => void log.push("2"));
  const other = m.run("3", async () => void log.push("other"));
  await other;
  assert.deepEqual(log, ["1 start", "other"]);
  g.open();
  await Promise.all([first, second]);
  assert.deepEqual(log, ["1 start", "other", "1 end", "2"]);
  await assert.rejects(m.run("2", async () => { throw new Error("x"); }));
  assert.equal(await m.run("2", async () => 5), 5, "a failure does not block the key");
});

test("RecentSet forgets its oldest entries", () => {
  const s = new RecentSet(2);
  assert.equal(s.add("a"), true);
  assert.equal(s.add("a"), false);
  s.add("b");
  s.add("c");
  assert.equal(s.has("a"), false);
  assert.equal(s.has("c"), true);
});
