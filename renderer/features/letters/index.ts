// Letters feature: the single-letter dialog (for the person/stay and
// allocation screens), the workflow hook, storage of letterhead/templates
// and the issuing logic.
export { LetterDialog, type LetterDialogProps } from './LetterDialog';
export { LetterPreview } from './LetterPreview';
export { useLetterWorkflow, type LetterWorkflow, type LetterOutput } from './useLetterWorkflow';
export { prepareLetters, issueLetters, contentOf, type PreparedLetter, type Preparation } from './issue';
export { loadLetterhead, saveLetterhead, loadTemplates, saveTemplate, reserveNumbers, useLetterhead, useTemplates } from './storage';
export type { LetterRequest } from '../../../shared/letters/context';
