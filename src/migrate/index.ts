export * from "./findings.js";
export { migrateFile, type MigrateFileInput, type FileMigrationWithFacts } from "./engine.js";
export { migrateProject, type SourceFile, type ProjectMigration } from "./project.js";
export { RULES } from "./rules/index.js";
export type { Rule, RuleContext } from "./rule.js";
