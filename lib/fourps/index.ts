export * from './catalogue';
export type * from './types';
