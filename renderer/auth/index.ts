// Users, sign-in and permissions in the renderer (issue #7).
export { AuthRefusedError, PermissionDeniedError, germanPermissionLabel, isAuthRefusedError, isPermissionDeniedError } from './errors';
export type { AuthRefusalCode, PermissionDeniedReason } from './errors';
export { actorOf, can, currentUser, sessionUserOf, useCurrentUser, usePermission, useSession, type SessionUser } from './session';
export {
  changeOwnPassword,
  createFirstAdmin,
  createUser,
  duplicateLogins,
  hasUsers,
  setPassword,
  signIn,
  signOut,
  unlock,
  updateUser,
  type AuthCommandOptions,
  type CreateUserInput,
  type NewUserInput,
  type UpdateUserInput,
} from './users';
