// Retention (Löschfristen): pure rules, due lists, anonymisation plans and
// the scrubbing of local history and share files. See docs/data-model.md
// "Retention" and docs/sync-format.md "Retention runs on the share".
export * from './policy';
export * from './caseClose';
export * from './due';
export * from './anonymise';
export * from './scrubText';
export * from './scrub';
