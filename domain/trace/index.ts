export * from './exportTrace';
export * from './measures';
