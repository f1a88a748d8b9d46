/**
 * The CDP emulator's world: the spaces it knows (project + live-chat item), platform users
 * (shared by every project, found by uuid or e-mail) and operator bindings (user × space).
 * Persistence is the shared debounced atomic persister (emulators/shared/persist).
 */
import { readJsonFile } from "../shared/persist";

export interface CdpEmuSpace {
  projectUuid: string;
  itemUuid: string;
  createdAt: number;
}

export interface CdpEmuUser {
  uuid: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  companyUuid: string | null;
  createdAt: number;
}

export interface CdpEmuBinding {
  projectUuid: string;
  itemUuid: string;
  userUuid: string;
  roleCode: string;
  permissions: string[];
  onlyAssignedConversations: boolean;
  /** false = the operator lost access to the item. */
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** How many upserts touched it (idempotency checks). */
  writes: number;
}

export interface CdpEmuState {
  version: 1;
  spaces: Record<string, CdpEmuSpace>;
  users: Record<string, CdpEmuUser>;
  bindings: Record<string, CdpEmuBinding>;
}

export const spaceKey = (projectUuid: string, itemUuid: string): string => `${projectUuid}/${itemUuid}`;
export const bindingKey = (projectUuid: string, itemUuid: string, userUuid: string): string =>
  `${projectUuid}/${itemUuid}/${userUuid}`;

export function emptyState(spaces: Array<{ projectUuid: string; itemUuid: string }>, now = Date.now()): CdpEmuState {
  const state: CdpEmuState = { version: 1, spaces: {}, users: {}, bindings: {} };
  for (const s of spaces) state.spaces[spaceKey(s.projectUuid, s.itemUuid)] = { ...s, createdAt: now };
  return state;
}

/** Reads a state file (missing/unreadable → fresh); the configured spaces are always present. */
export function loadState(
  file: string | undefined,
  spaces: Array<{ projectUuid: string; itemUuid: string }>,
): CdpEmuState {
  const fresh = emptyState(spaces);
  const parsed = readJsonFile(file) as Partial<CdpEmuState> | undefined;
  if (parsed === undefined || parsed === null || typeof parsed !== "object" || parsed.version !== 1) return fresh;
  return {
    version: 1,
    spaces: { ...parsed.spaces, ...fresh.spaces },
    users: { ...parsed.users },
    bindings: { ...parsed.bindings },
  };
}
