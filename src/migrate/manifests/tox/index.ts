import { parseIni } from "../ini.js";
import { iniRequirementGroup } from "../ini-deps.js";
import { planDocument } from "../plan.js";
import type { ManifestFormat } from "../types.js";
import { checkEnvlist } from "./envlist.js";

/**
 * tox.ini: `deps` of `[testenv]` and `[testenv:<name>]`, one requirement per line, each optionally behind a factor
 * condition (`py38,py39: aioredis==1.3.1`). `-r`/`-c` lines and `{[section]deps}` references are left alone.
 * `[tox] envlist` environments on a Python older than the target redis-py supports are reported.
 */
const tox: ManifestFormat = {
  kind: "tox",
  description: "tox.ini deps",
  matches: (path) => /(^|\/)tox\.ini$/i.test(path),
  update(doc) {
    const values = parseIni(doc.source);
    const groups = values
      .filter((v) => /^testenv(:|$)/.test(v.section) && v.key === "deps")
      .map((v) => iniRequirementGroup(doc, v, { semicolonList: false, factors: true }));
    planDocument(doc, groups);
    const envlist = values.find((v) => v.section === "tox" && (v.key === "envlist" || v.key === "env_list"));
    if (envlist && envlist.lines.length > 0) checkEnvlist(doc, envlist);
  },
};

export default tox;
