import assert from "node:assert/strict";
import { test } from "node:test";
import pino from "pino";
import { ContentPacer, isSecondaryLimit, pacedRequester, retryDelay } from "../../src/jobs/pacer.js";
import { FakeClock } from "../app/harness.js";

test("slots are handed out in order, under the per-minute and per-hour limits", async () => {
  const clock = new FakeClock();
  const start = clock.now();
  const pacer = new ContentPacer(clock, { perMinute: 3, perHour: 5 });
  const times: number[] = [];
  await Promise.all(Array.from({ length: 7 }, (_, i) => pacer.acquire("2").then(() => times.push((clock.now() - start) / 1000 + i / 1000))));
  // three at once, then one minute later two more (the hour allows five), then the hour after the first
  assert.deepEqual(times.map((t) => Math.floor(t)), [0, 0, 0, 60, 60, 3600, 3600]);
  assert.deepEqual(times.map((t) => Math.round((t % 1) * 1000)), [0, 1, 2, 3, 4, 5, 6], "in call order");
});

test("installations are paced separately", async () => {
  const clock = new FakeClock();
  const pacer = new ContentPacer(clock, { perMinute: 1, perHour: 10 });
  await pacer.acquire("1");
  await pacer.acquire("2");
  assert.deepEqual(clock.sleeps, []);
  await pacer.acquire("1");
  assert.deepEqual(clock.sleeps, [60_000]);
});

test("a pause holds every write of the installation", async () => {
  const clock = new FakeClock();
  const pacer = new ContentPacer(clock);
  pacer.pause("2", 30_000);
  await pacer.acquire("2");
  assert.deepEqual(clock.sleeps, [30_000]);
});

const limited = (status: number, headers: Record<string, string> = {}, message = "API rate limit"): Error =>
  Object.assign(new Error(message), { status, response: { headers } });

test("secondary limits are recognised, other 403s are not", () => {
  assert.equal(isSecondaryLimit(limited(429)), true);
  assert.equal(isSecondaryLimit(limited(403, { "retry-after": "5" })), true);
  assert.equal(isSecondaryLimit(limited(403, {}, "You have exceeded a secondary rate limit")), true);
  assert.equal(isSecondaryLimit(limited(403, { "x-ratelimit-remaining": "0" })), true);
  assert.equal(isSecondaryLimit(limited(403, {}, "Resource not accessible by integration")), false);
  assert.equal(isSecondaryLimit(limited(422)), false);
});

test("retry delays: retry-after, else the reset time, else a minute doubling", () => {
  assert.equal(retryDelay(limited(403, { "retry-after": "17" }), 0, 0), 17_000);
  assert.equal(retryDelay(limited(403, { "x-ratelimit-reset": "1000" }), 0, 990_000), 10_000);
  assert.equal(retryDelay(limited(429), 0, 0), 60_000);
  assert.equal(retryDelay(limited(429), 2, 0), 240_000);
});

test("the paced requester: reads go straight through, a limited write waits retry-after and is retried", async () => {
  const clock = new FakeClock();
  const pacer = new ContentPacer(clock);
  const calls: string[] = [];
  let failures = 1;
  const octokit = {
    async request(route: string) {
      calls.push(route);
      if (route.startsWith("POST") && failures-- > 0) throw limited(403, { "retry-after": "17" });
      return { status: 200, data: {}, headers: {} };
    },
  };
  const requester = pacedRequester(octokit, pacer, "2", pino({ level: "silent" }));
  await requester.request("GET /repos/{owner}/{repo}", {});
  await requester.request("POST /repos/{owner}/{repo}/pulls", {});
  assert.deepEqual(calls, ["GET /repos/{owner}/{repo}", "POST /repos/{owner}/{repo}/pulls", "POST /repos/{owner}/{repo}/pulls"]);
  assert.deepEqual(clock.sleeps, [17_000]);
  assert.equal(pacer.recent("2"), 2, "both write attempts took a slot");
});

test("the paced requester gives up after three retries and other errors at once", async () => {
  const clock = new FakeClock();
  const pacer = new ContentPacer(clock);
  let calls = 0;
  const always = pacedRequester({ request: async () => { calls++; throw limited(429); } }, pacer, "2", pino({ level: "silent" }));
  await assert.rejects(always.request("POST /x", {}), /API rate limit/);
  assert.equal(calls, 4);
  assert.deepEqual(clock.sleeps, [60_000, 120_000, 240_000]);
  const forbidden = pacedRequester({ request: async () => { throw limited(403, {}, "Resource not accessible by integration"); } }, pacer, "3", pino({ level: "silent" }));
  await assert.rejects(forbidden.request("POST /x", {}), /Resource not accessible/);
});
