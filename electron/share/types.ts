// Share-related types derived from the IPC contract (single source).
import type { z } from 'zod';
import type { shareStatus } from '../../shared/ipc/contract';

export type ShareStatus = z.infer<typeof shareStatus>;
