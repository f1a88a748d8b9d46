/**
 * The emulated `upsertOperator`: create-or-update a user's binding to a live-chat item.
 * Pure state change returning a reply, so the server can inject faults before or after it.
 *
 * Rules (the emulator's reading of the manifest):
 * - unknown project/item → 404 NOT_FOUND (checked before the body);
 * - the body must match the contract DTO, then: userUuid or email required; e-mail well
 *   formed (≤ 254); names ≤ 100; roleCode any non-empty code (the gateway documents none), or
 *   one of the emulator's own list when started with one; a given userUuid must
 *   exist; an e-mail owned by another user than `userUuid` is refused; an unknown e-mail
 *   without `createUserIfMissing: true` is refused — all as 400 VALIDATION_ERROR with
 *   `fieldErrors: [{field, message}]`;
 * - the user is found by userUuid, else by e-mail (case-insensitive); given fields update it;
 * - the binding is created (defaults: AGENT, no permissions, all conversations, enabled) or
 *   updated with the given fields only; `enabled: false` revokes access.
 */
import { randomUUID } from "node:crypto";
import { CDP_ERROR_CODES, ZLiveChatOperatorBindingGatewayRequestDTO } from "../../server/providers/cdp/contract";
import type {
  NormalisedFieldError,
  TLiveChatOperatorBindingGatewayRequestDTO,
} from "../../server/providers/cdp/contract";
import type { Reply } from "../shared/http";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from "./config";
import { bindingKey, spaceKey } from "./state";
import type { CdpEmuBinding, CdpEmuState, CdpEmuUser } from "./state";

/** A `{success:false, error}` wrapper reply. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  extra: { fieldErrors?: NormalisedFieldError[]; details?: Record<string, unknown> } = {},
): Reply {
  return {
    status,
    body: {
      success: false,
      error: { errorId: randomUUID(), code, message, ...extra, timestamp: Date.now() },
    },
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validationError(fieldErrors: NormalisedFieldError[]): Reply {
  return errorReply(400, CDP_ERROR_CODES.validation, "Validation failed", { fieldErrors });
}

function findByEmail(state: CdpEmuState, email: string): CdpEmuUser | undefined {
  const wanted = email.toLowerCase();
  return Object.values(state.users).find((u) => u.email.toLowerCase() === wanted);
}

/** The binding as `data` of the upsert's answer. */
export function bindingView(state: CdpEmuState, b: CdpEmuBinding) {
  const user = state.users[b.userUuid];
  return {
    userUuid: b.userUuid,
    email: user?.email ?? null,
    firstName: user?.firstName ?? null,
    lastName: user?.lastName ?? null,
    companyUuid: user?.companyUuid ?? null,
    projectUuid: b.projectUuid,
    itemUuid: b.itemUuid,
    roleCode: b.roleCode,
    permissions: b.permissions,
    onlyAssignedConversations: b.onlyAssignedConversations,
    enabled: b.enabled,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}

function check(
  state: CdpEmuState,
  dto: TLiveChatOperatorBindingGatewayRequestDTO,
  roleCodes: readonly string[] | null,
): NormalisedFieldError[] {
  const errors: NormalisedFieldError[] = [];
  const email = dto.email ?? null;
  if (!dto.userUuid && !email) {
    errors.push(
      { field: "email", message: "userUuid or email is required" },
      { field: "userUuid", message: "userUuid or email is required" },
    );
  }
  if (email !== null && (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)))
    errors.push({ field: "email", message: "must be a valid e-mail address" });
  for (const field of ["firstName", "lastName"] as const) {
    const v = dto[field];
    if (v !== null && v !== undefined && v.length > MAX_NAME_LENGTH)
      errors.push({ field, message: `must be at most ${MAX_NAME_LENGTH} characters` });
  }
  // The contract already refuses an empty code; a list, when configured, narrows the rest.
  if (roleCodes && dto.roleCode !== undefined && !roleCodes.includes(dto.roleCode)) {
    errors.push({ field: "roleCode", message: `unknown role code; expected one of ${roleCodes.join(", ")}` });
  }
  dto.permissions?.forEach((p, i) => {
    if (p.length === 0 || p.length > 64)
      errors.push({ field: `permissions.${i}`, message: "must be 1 to 64 characters" });
  });
  if (errors.length > 0) return errors;

  const byUuid = dto.userUuid ? state.users[dto.userUuid] : undefined;
  if (dto.userUuid && !byUuid) errors.push({ field: "userUuid", message: "user not found" });
  if (email !== null) {
    const owner = findByEmail(state, email);
    if (byUuid && owner && owner.uuid !== byUuid.uuid)
      errors.push({ field: "email", message: "e-mail already belongs to another user" });
    if (!dto.userUuid && !owner && dto.createUserIfMissing !== true) {
      errors.push({ field: "email", message: "no user with this e-mail; set createUserIfMissing to create one" });
    }
  }
  return errors;
}

export interface UpsertResult {
  reply: Reply;
  changed: boolean;
}

/** `roleCodes`: the only codes accepted, or null for any non-empty code. */
export function upsertOperator(
  state: CdpEmuState,
  projectUuid: string,
  itemUuid: string,
  body: unknown,
  now: number,
  roleCodes: readonly string[] | null = null,
): UpsertResult {
  if (!state.spaces[spaceKey(projectUuid, itemUuid)]) {
    return {
      reply: errorReply(404, CDP_ERROR_CODES.notFound, "Project or live-chat item not found", {
        details: { projectUuid, itemUuid },
      }),
      changed: false,
    };
  }
  const parsed = ZLiveChatOperatorBindingGatewayRequestDTO.safeParse(body ?? {});
  if (!parsed.success) {
    const fieldErrors = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "body", message: i.message }));
    return { reply: validationError(fieldErrors), changed: false };
  }
  const dto = parsed.data;
  const problems = check(state, dto, roleCodes);
  if (problems.length > 0) return { reply: validationError(problems), changed: false };

  let user = dto.userUuid ? state.users[dto.userUuid] : dto.email ? findByEmail(state, dto.email) : undefined;
  if (!user) {
    // check() guarantees an e-mail and createUserIfMissing here.
    user = {
      uuid: randomUUID(),
      email: dto.email ?? "",
      firstName: null,
      lastName: null,
      companyUuid: null,
      createdAt: now,
    };
    state.users[user.uuid] = user;
  }
  if (dto.email) user.email = dto.email;
  if (dto.firstName !== undefined) user.firstName = dto.firstName;
  if (dto.lastName !== undefined) user.lastName = dto.lastName;
  if (dto.companyUuid !== undefined) user.companyUuid = dto.companyUuid;

  const key = bindingKey(projectUuid, itemUuid, user.uuid);
  const existing = state.bindings[key];
  const binding: CdpEmuBinding = existing ?? {
    projectUuid,
    itemUuid,
    userUuid: user.uuid,
    roleCode: "AGENT",
    permissions: [],
    onlyAssignedConversations: false,
    enabled: true,
    createdAt: now,
    updatedAt: now,
    writes: 0,
  };
  if (dto.roleCode !== undefined) binding.roleCode = dto.roleCode;
  if (dto.permissions !== undefined) binding.permissions = [...dto.permissions];
  if (dto.onlyAssignedConversations !== undefined) binding.onlyAssignedConversations = dto.onlyAssignedConversations;
  if (dto.enabled !== undefined) binding.enabled = dto.enabled;
  binding.updatedAt = now;
  binding.writes += 1;
  state.bindings[key] = binding;
  return {
    reply: {
      status: 200,
      body: { success: true, data: { ...bindingView(state, binding), created: existing === undefined } },
    },
    changed: true,
  };
}
