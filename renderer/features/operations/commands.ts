// Every write operation of the occupancy screens, one function each. All of
// them: one transaction (records + audit + one outbox change), rules checked
// inside it, nothing written when refused (RuleViolationError /
// CommandRefusedError), warnings returned.
export { checkIn, move, checkOut, correctStay, type CommandResult } from './stayCommands';
export type { CheckInInput, MoveInput, CheckOutInput, CorrectStayInput } from './stayCommands';
export { blockBed, unblockBed, type BlockBedInput, type UnblockBedInput } from './bedBlockCommands';
export {
  createPerson,
  updatePerson,
  createHousehold,
  extendDeadline,
  type CreatePersonResult,
  type CreateHouseholdResult,
  type HouseholdInput,
  type ExtendDeadlineInput,
} from './personCommands';
export { undoLastOperation, findLastUndoable, auditOfChange, UNDO_OPERATION, type UndoResult } from './undo';
export { RuleViolationError, CommandRefusedError, isRuleViolationError, isCommandRefusedError } from './errors';
export type { CommandOptions } from './commandContext';
