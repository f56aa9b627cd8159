export * from './vocabulary';
export * from './record-actions';
export * from './error-messages';
export * from './time';
