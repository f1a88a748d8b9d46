/**
 * The emulator's in-memory world (accounts, departments, operators, attendances) and its
 * loading; writing is the shared debounced atomic persister (emulators/shared/persist).
 */
import { randomBytes } from "node:crypto";
import { readJsonFile } from "../shared/persist";
import type { TSatisfactionEntry, TUraRequest } from "../../server/providers/plugchat/contract";

export interface EmuWebhooks {
  onStartAttendance: string | null;
  onFinishAttendance: string | null;
  onReceiveMessage: string | null;
  onSendingMessage: string | null;
  onMessageStatus: string | null;
  onMessageDeliveryError: string | null;
}

export interface EmuAccount {
  id: string;
  externalId: string;
  name: string;
  active: boolean;
  sessionName: string | null;
  webhooks: EmuWebhooks;
  createdAt: number;
  trialEndsAt: number;
  /** Whether the account has a WhatsApp instance (extension-token answers 404 without one). */
  whatsappInstance: boolean;
  subscription: { id: string; quantity: number; status: string } | null;
  ura: TUraRequest | null;
  geralDepartmentId: string;
}

export interface EmuDepartment {
  id: string;
  accountId: string;
  name: string;
  active: boolean;
  createdAt: number;
}

export interface EmuOperator {
  id: string;
  accountId: string;
  name: string;
  active: boolean;
  departments: string[];
  login: string | null;
  hasPassword: boolean;
  isAdmin: boolean;
  createdAt: number;
  accessToken: string;
}

/** A finished attendance, in the satisfaction report shape, plus where it belongs. */
export interface EmuAttendance {
  accountId: string;
  departmentId: string;
  entry: TSatisfactionEntry & { id: string; attendanceNumber: number; endTime: number };
}

export interface EmuState {
  version: 1;
  jwtSecret: string;
  /** Added to the wall clock (advanced through the control surface). */
  clockOffsetMs: number;
  nextTicket: number;
  accounts: Record<string, EmuAccount>;
  departments: Record<string, EmuDepartment>;
  operators: Record<string, EmuOperator>;
  attendances: EmuAttendance[];
}

export function emptyState(): EmuState {
  return {
    version: 1,
    jwtSecret: randomBytes(32).toString("base64url"),
    clockOffsetMs: 0,
    nextTicket: 1000,
    accounts: {},
    departments: {},
    operators: {},
    attendances: [],
  };
}

/** Reads a state file; a missing or unreadable file yields a fresh state. */
export function loadState(file: string | undefined): EmuState {
  const parsed = readJsonFile(file) as Partial<EmuState> | undefined;
  if (parsed === undefined || parsed === null || typeof parsed !== "object") return emptyState();
  if (parsed.version !== 1 || typeof parsed.jwtSecret !== "string") return emptyState();
  return { ...emptyState(), ...parsed } as EmuState;
}
