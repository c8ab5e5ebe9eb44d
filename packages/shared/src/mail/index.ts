export * from './mailer.ts';
export * from './template.ts';
