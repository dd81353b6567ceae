export * from './checkEnterprise';
export type { ConditionsAnswer } from './conditions';
export * from './evidence';
export * from './findings';
export { type OreSourceAnalysis, analyseOreSources } from './oreSources';
export * from './thresholds';
