// Public API of the allocation domain (pure): apportionment, quota ledger,
// queue, proposal, the rules for new allocations, status life cycle,
// municipality master data and the ledger report model.
export * from './apportion';
export * from './ledger';
export * from './queue';
export * from './proposal';
export * from './problems';
export * from './rules';
export * from './status';
export * from './municipality';
export * from './countyPlaces';
export * from './ledgerReport';
