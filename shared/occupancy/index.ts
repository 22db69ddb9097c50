// Public API of the occupancy domain: invariants and validation, operation
// planners, the occupancy engine (figures, series, Belegungstage), the
// free-place finder, § 9 FlüAG deadlines and the § 8 FlüAG space standard.
// Everything is pure; see docs/data-model.md ("Rules") for the semantics.
export * from './violation';
export { ageOn, isMinorOn, isFamilyHousehold, fitsRestriction, type RestrictionMember } from './restrictions';
export { validateStayChanges, buildValidationContext, isActiveStay, type ValidationContext, type ValidationSource } from './validation';
export {
  buildOccupancyIndex,
  OPEN_END,
  DEFAULT_RESERVATION_LOOKAHEAD_DAYS,
  type OccupancyIndex,
  type OccupancyIndexOptions,
  type OccupancySource,
  type BedState,
} from './occupancyIndex';
export { figuresAsOf, bedStatusAsOf, emptyFigures, type OccupancyFigures, type FiguresAsOf, type FiguresOptions, type BedStatus } from './figures';
export { dailySeries, seriesDay, occupancyDaysByMonth, type DailySeries, type SeriesScope, type MonthlyOccupancy } from './series';
export { naiveFiguresAsOf, naiveDailySeries, naiveOccupancyDays, naiveBedState, type NaiveFigures } from './reference';
export { findPlaces, type PlaceRequest, type PlaceSeeker, type FindPlacesOptions, type PlaceSuggestion, type SuggestionExplanation } from './finder';
export { computeDeadlines, checkExtension, dueWithin, monthsRuleFor, NORMAL_EXTENSION_MONTHS, type Deadlines, type DueItem, type DeadlineKind, type MonthsRule } from './deadlines';
export {
  spaceStandardAt,
  checkSpaceStandard,
  DEFAULT_SPACE_STANDARD,
  type SpaceStandardSetting,
  type SpaceStandardException,
} from './spaceStandard';
export { planResult, type PlanDeps, type PlanResult, type RecordWrites } from './planners/plan';
export {
  planCheckIn,
  planMove,
  planCheckOut,
  planCorrectStay,
  DEPARTURE_REASONS,
  type BedAssignment,
  type CheckInInput,
  type MoveInput,
  type CheckOutInput,
  type CorrectStayInput,
} from './planners/stays';
export { planBlockBed, planUnblockBed, BLOCK_REASONS, type BlockBedInput, type UnblockBedInput, type BlockContext } from './planners/blocks';
export {
  planSaveAccommodation,
  planCloseAccommodation,
  type AccommodationInput,
  type AccommodationContext,
  type CloseAccommodationInput,
} from './planners/accommodation';
export {
  parseStructureSpec,
  planStructure,
  MAX_ROOMS_PER_LINE,
  MAX_BEDS_PER_ROOM,
  type StructureLine,
  type ParsedStructure,
  type StructureContext,
  type StructurePlanResult,
} from './planners/structure';
