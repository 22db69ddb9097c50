// Public surface of the operations feature: the dialogs other screens open
// (bed board, residents, occupancy) and the commands behind them.
export { CheckInDialog, type CheckInDialogProps } from './dialogs/CheckInDialog';
export { MoveDialog, type MoveDialogProps } from './dialogs/MoveDialog';
export { CheckOutDialog, type CheckOutDialogProps } from './dialogs/CheckOutDialog';
export { BlockBedDialog, type BlockBedDialogProps } from './dialogs/BlockBedDialog';
export { CorrectStayDialog, type CorrectStayDialogProps } from './dialogs/CorrectStayDialog';
export { ExtendDeadlineDialog, type ExtendDeadlineDialogProps } from './dialogs/ExtendDeadlineDialog';
export { PersonFormDialog, type PersonFormDialogProps } from './dialogs/PersonFormDialog';
export { HouseholdFormDialog, type HouseholdFormDialogProps } from './dialogs/HouseholdFormDialog';
export { UndoLastButton } from './components/UndoLastButton';
export * from './commands';
