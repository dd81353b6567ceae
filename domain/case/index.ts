/**
 * What a case asks of the agencies and what their answers lead to, by job: task keys and specs
 * (taskKeys.ts), the tasks issued phase by phase (tasks.ts), the completion schemas and the two
 * ways a completion is parsed (completions.ts, transferCompletions.ts for Order 310's steps), what a completion leads to (outcomes.ts), the
 * escalation ladder with its emails (escalation.ts), and the export trace's measures (traceTasks.ts). The
 * plan's facts they apply are the catalogue's.
 */
export * from './completions';
export * from './escalation';
export * from './outcomes';
export * from './taskKeys';
export * from './tasks';
export * from './traceTasks';
export * from './transfer';
export * from './transferCompletions';
