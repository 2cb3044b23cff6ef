/** Public API of the registration engine. Pure TypeScript: no I/O, no framework imports. */
export * from "./types";
export * from "./dates";
export * from "./programs";
export * from "./application-types";
export * from "./form-specs";
export * from "./form-validation";
export * from "./application";
export * from "./registration";
export * from "./transitions";
export * from "./eligibility";
export * from "./numbering";
export * from "./effects";
export * from "./files";
export * from "./certificate";
export * from "./filed-facts";
