import { parseIni } from "../ini.js";
import { iniRequirementGroup } from "../ini-deps.js";
import { checkPythonFloor, planDocument } from "../plan.js";
import type { DepGroup, ManifestFormat } from "../types.js";

const OPTION_LISTS = new Set(["install_requires", "tests_require", "setup_requires"]);

/**
 * setup.cfg: `[options] install_requires`/`tests_require`/`setup_requires`, every key of
 * `[options.extras_require]`, and tox's `[testenv…] deps` when tox is configured here. A value on the key line alone
 * is a `;`-separated list (setuptools' rule); otherwise one requirement per line. `file:` values are left alone
 * (the file they name is migrated on its own).
 */
const setupCfg: ManifestFormat = {
  kind: "setup-cfg",
  description: "setup.cfg (setuptools declarative config, tox sections)",
  matches: (path) => /(^|\/)setup\.cfg$/i.test(path),
  update(doc) {
    const values = parseIni(doc.source);
    const groups: DepGroup[] = [];
    for (const v of values) {
      if ((v.section === "options" && OPTION_LISTS.has(v.key)) || v.section === "options.extras_require") {
        groups.push(iniRequirementGroup(doc, v, { semicolonList: true, factors: false }));
      } else if (/^testenv(:|$)/.test(v.section) && v.key === "deps") {
        groups.push(iniRequirementGroup(doc, v, { semicolonList: false, factors: true }));
      }
    }
    planDocument(doc, groups);
    const py = values.find((v) => v.section === "options" && v.key === "python_requires");
    const line = py?.lines[0];
    if (py && line && py.inline) {
      checkPythonFloor(doc, {
        spec: line.text,
        dialect: "pep440",
        start: py.keyStart,
        end: line.end,
        label: "`python_requires`",
        update: (spec) => [{ start: line.start, end: line.end, text: spec }],
      });
    }
  },
};

export default setupCfg;
