/** A small hand-made migration result that the report tests render. */
import type { Change, FileMigration } from "../../src/migrate/findings.js";
import type { MigrationReport } from "../../src/report/model.js";

export const MAIN_IMPORT: Change = {
  ruleId: "imports",
  file: "app/main.py",
  originalLine: 1,
  originalEndLine: 1,
  line: 1,
  endLine: 1,
  before: "import aioredis",
  after: "import redis.asyncio as redis",
  why: "aioredis is unmaintained.",
};

export const MAIN_CLOSE: Change = {
  ruleId: "lifecycle",
  file: "app/main.py",
  originalLine: 3,
  originalEndLine: 4,
  line: 3,
  endLine: 3,
  before: "r.close()\nawait r.wait_closed()",
  after: "await r.aclose()",
  why: "redis-py closes\nwith one awaited call.",
};

const main: FileMigration = {
  file: "app/main.py",
  input: "import aioredis\nr = None\nr.close()\nawait r.wait_closed()\n",
  output: "import redis.asyncio as redis\nr = None\nawait r.aclose()\n",
  changes: [MAIN_IMPORT, MAIN_CLOSE],
  manualSteps: [],
  parsed: true,
};

const pubsub: FileMigration = {
  file: "app/pubsub.py",
  input: "ch, = await r.subscribe('c')\n",
  output: "# TODO(redis-migrate): Use a PubSub object.\nch, = await r.subscribe('c')\n",
  changes: [],
  manualSteps: [
    {
      ruleId: "pubsub",
      file: "app/pubsub.py",
      originalLine: 1,
      line: 2,
      what: "Use a PubSub object.\nChannels are gone.",
      suggestion: "ps = r.pubsub()\nawait ps.subscribe('c')",
      suggestionReplacesLines: 0,
    },
  ],
  parsed: true,
};

const plain: FileMigration = { file: "lib/plain.py", input: "x = 1\n", output: "x = 1\n", changes: [], manualSteps: [], parsed: false };
const broken: FileMigration = { file: "lib/broken.py", input: "def (:\n", output: "def (:\n", changes: [], manualSteps: [], parsed: true };

export const SAMPLE: MigrationReport = {
  toolVersion: "1.2.3",
  target: "5.0.1",
  files: [plain, pubsub, main, broken],
  manifests: [
    {
      file: "requirements.txt",
      input: "aioredis==1.3.1\n",
      output: "redis>=5.0.1\n",
      changes: [{ file: "requirements.txt", before: "aioredis==1.3.1", after: "redis>=5.0.1" }],
      manualSteps: [],
    },
  ],
  skipped: [
    { file: "lib/broken.py", reason: "syntax-error", detail: "syntax error at line 1; the file was left unchanged" },
    { file: "data/blob.py", reason: "binary", detail: "NUL byte at offset 3" },
  ],
};

/** Nothing found: one Python file without aioredis. */
export const EMPTY: MigrationReport = {
  toolVersion: "1.2.3",
  target: "4.2",
  files: [plain],
  manifests: [],
  skipped: [],
};
