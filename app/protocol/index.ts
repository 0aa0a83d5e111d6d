export * from './backend';
export * from './events';
export * from './requests';
export * from './wire';
export * from './engine';
export * from './runs';
export * from './evaluation';
export * from './views';
