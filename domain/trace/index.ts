export * from './exportTrace';
export * from './measures';
export * from './svg';
