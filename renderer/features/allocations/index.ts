// Public surface of the allocation feature: the commands and the tab
// components of the Zuteilungen screen.
export {
  createAllocations,
  setAllocationStatus,
  markMoved,
  updateMunicipality,
  createMunicipality,
  MAX_REASON_LENGTH,
  type AllocationCommandOptions,
  type CreateAllocationsInput,
  type CreateAllocationsResult,
  type AllocationStatusChange,
  type StatusChangeResult,
} from './commands';
export { AllocationRefusedError, isAllocationRefusedError } from './errors';
export { loadQuotaSettings, saveQuotaSettings, QUOTA_SETTINGS_KEY } from './quotaSettings';
export { useLedger, useQuotaSettings, yearPeriod, isValidPeriod, type Period } from './useAllocationData';
export { QueueTab } from './components/QueueTab';
export { ProposalStep } from './components/ProposalStep';
export { AllocationsTab } from './components/AllocationsTab';
export { QuotaTab } from './components/QuotaTab';
export { MunicipalitiesTab } from './components/MunicipalitiesTab';
export { MunicipalityDialog } from './components/MunicipalityDialog';
export { LetterBatchDialog, allocationLetterRequests } from './components/LetterBatchDialog';
