// Public API of the letters domain (pure): templates, placeholders, context,
// composition into frozen content, PDF document definition, numbering.
export * from './letterhead';
export * from './placeholders';
export * from './defaultTemplates';
export * from './labels';
export * from './context';
export * from './compose';
export * from './document';
export * from './numbering';
export * from './sample';
