// Public API of the report models (pure): builders, model, PDF definition.
export * from './model';
export * from './format';
export * from './context';
export * from './pdfDocument';
export type * from './pdfTypes';
export { occupancyListReport } from './builders/occupancyList';
export { occupancyOverviewReport } from './builders/occupancyOverview';
export { occupancyDaysReport, monthsBetween, OCCUPANCY_DAYS_RULE } from './builders/occupancyDays';
export { movementsReport } from './builders/movements';
export { freePlacesReport } from './builders/freePlaces';
export { deadlinesReport } from './builders/deadlines';
export * from './request';
