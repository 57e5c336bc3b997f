import { parseIni } from "../ini.js";
import { iniRequirementGroup } from "../ini-deps.js";
import { planDocument } from "../plan.js";
import type { ManifestFormat } from "../types.js";

/**
 * tox.ini: `deps` of `[testenv]` and `[testenv:<name>]`, one requirement per line, each optionally behind a factor
 * condition (`py38,py39: aioredis==1.3.1`). `-r`/`-c` lines and `{[section]deps}` references are left alone.
 */
const tox: ManifestFormat = {
  kind: "tox",
  description: "tox.ini deps",
  matches: (path) => /(^|\/)tox\.ini$/i.test(path),
  update(doc) {
    const groups = parseIni(doc.source)
      .filter((v) => /^testenv(:|$)/.test(v.section) && v.key === "deps")
      .map((v) => iniRequirementGroup(doc, v, { semicolonList: false, factors: true }));
    planDocument(doc, groups);
  },
};

export default tox;
