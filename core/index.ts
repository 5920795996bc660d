// The public API of Tandem's core (DESIGN.md section 5). Instants are epoch milliseconds everywhere.
export * from './engagement/index.ts';
export * from './calendar/index.ts';
