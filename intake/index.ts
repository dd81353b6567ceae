export type { IntakeOptions } from './cells';
export { type Column, type SheetKey, type SheetLayout, layout, sheets } from './layout';
export { type IntakeFile, type IntakeResult, type IntakeSummary, parseCampaignFile, parseCampaignFiles } from './parse';
export { type IntakeProblem, MAX_LISTED_PROBLEMS, describeProblem } from './problems';
export { MAX_FILE_BYTES } from './sniff';
export { buildTemplateWorkbook } from './template';
export { type DirectoryFileContent, type DirectoryIntakeResult, buildDirectoryTemplate, directorySheets, parseDirectoryFiles } from './directory';
