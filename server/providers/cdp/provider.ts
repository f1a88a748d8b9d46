/**
 * `ChatProvider` for the CDP gateway's Live Chat. The tenant's chat space is a project plus a
 * live-chat item: `AccountRef` = `${projectUuid}/${itemUuid}`. The gateway documents one call,
 * the operator upsert, so create and update both use it; every capability it lacks throws
 * `ProviderError` kind "rejected" (reason "not supported by this provider").
 */
import "server-only";
import { roleFor } from "@/lib/validation/role-codes";
import { ProviderError, isProviderError } from "../errors";
import type { AccountRef, ChatProvider, ChatProviderCapabilities, OperatorInput } from "../types";
import { createCdpClient } from "./client";
import type { CdpClient, CdpClientConfig } from "./client";
import { DEFAULT_CDP_ROLE_CODES } from "./contract";
import type { TLiveChatOperatorBindingGatewayRequestDTO, TOperatorBinding } from "./contract";

export const CDP_CAPABILITIES: ChatProviderCapabilities = Object.freeze({
  accounts: false,
  departments: false,
  subscription: false,
  satisfaction: false,
  whatsappCode: false,
  ura: false,
  operatorEmail: true,
  operatorLogin: false,
  operatorRoles: true,
  operatorUpsert: true,
  listOperators: false,
  attendanceWebhooks: false,
  chatSdk: false,
});

export const NOT_SUPPORTED = "not supported by this provider";

/** A project + live-chat item. */
export interface CdpSpace {
  projectUuid: string;
  itemUuid: string;
}

export function toAccountRef(space: CdpSpace): AccountRef {
  return `${space.projectUuid}/${space.itemUuid}`;
}

/** `${projectUuid}/${itemUuid}` → its parts; anything else is refused (rejected). */
export function parseAccountRef(account: AccountRef): CdpSpace {
  const parts = account.split("/");
  const [projectUuid, itemUuid] = parts;
  if (parts.length !== 2 || !projectUuid || !itemUuid) {
    throw new ProviderError("rejected", `CDP: "${account}" is not a projectUuid/itemUuid reference`, {
      method: "-",
      path: "-",
      reason: "invalid space reference",
    });
  }
  return { projectUuid, itemUuid };
}

const EMAIL_LIKE = /@/;

/** "Ana Maria Souza" → first "Ana", last "Maria Souza"; a single word has no last name. */
export function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  return { firstName: words[0] ?? null, lastName: words.length > 1 ? words.slice(1).join(" ") : null };
}

/**
 * OperatorInput → upsert DTO. Names: explicit first/last names win, else `name` is split.
 * Role: an explicit `roleCode`, else the list's administrator code (first) for admins and its
 * default (last) otherwise — ADMIN / AGENT with the default list. `active` → `enabled`
 * (false revokes access). The user is created when the e-mail is unknown. Departments,
 * login and password have no CDP counterpart and are not sent.
 */
export function toUpsertDto(
  input: OperatorInput,
  roleCodes: readonly string[] = DEFAULT_CDP_ROLE_CODES,
): TLiveChatOperatorBindingGatewayRequestDTO {
  const split = splitName(input.name);
  const firstName = input.firstName ?? split.firstName;
  const lastName = input.lastName ?? split.lastName;
  return {
    ...(input.email === undefined ? {} : { email: input.email }),
    ...(firstName === null ? {} : { firstName }),
    ...(lastName === null ? {} : { lastName }),
    roleCode: input.roleCode ?? roleFor(Boolean(input.isAdmin), roleCodes),
    ...(input.onlyAssignedConversations === undefined
      ? {}
      : { onlyAssignedConversations: input.onlyAssignedConversations }),
    enabled: input.active,
    createUserIfMissing: true,
  };
}

/** The operator's id at the portal: the gateway's user uuid, else the e-mail it answered or we sent. */
function operatorId(data: TOperatorBinding, dto: TLiveChatOperatorBindingGatewayRequestDTO): string {
  const id = data.userUuid ?? data.email ?? dto.userUuid ?? dto.email;
  if (!id)
    throw new ProviderError("ambiguous", "CDP upsert answered no user id", {
      method: "POST",
      path: "-",
      reason: "no userUuid or email in data",
    });
  return id;
}

export interface CdpProviderConfig extends CdpClientConfig {
  /** Integrator-level default space (CDP_PROJECT_UUID / CDP_ITEM_UUID), when configured. */
  defaultSpace?: CdpSpace | null;
  /** The gateway's role codes (CDP_ROLE_CODES); default ADMIN, SUPERVISOR, AGENT. */
  roleCodes?: readonly string[];
}

/** The CDP provider: the neutral interface plus the onboarding helpers of a project + item space. */
export interface CdpChatProvider extends ChatProvider {
  readonly name: "cdp";
  /** The integrator's configured space, if any (onboarding pre-fills / skips the question). */
  readonly defaultSpace: CdpSpace | null;
  readonly roleCodes: readonly string[];
  /**
   * Checks that the gateway knows the project and live-chat item and accepts our credential.
   * The gateway has no read call, so this sends an upsert with an EMPTY body, which binds no
   * one: an unknown project/item answers 404 (→ throws not_found), a bad credential 401
   * (→ throws unauthorized), and a known space refuses the empty body with a validation
   * error (→ resolves). Assumption: the gateway checks the path before the body (the emulator
   * does); a success would mean it accepted an empty binding, which we also take as "exists".
   */
  verifySpace(projectUuid: string, itemUuid: string): Promise<{ account: AccountRef }>;
}

function unsupported(what: string): never {
  throw new ProviderError("rejected", `CDP: ${what} is ${NOT_SUPPORTED}`, {
    method: "-",
    path: "-",
    reason: NOT_SUPPORTED,
  });
}

/** From a config, or from a ready client (tests) with `options.roleCodes` when not the defaults. */
export function createCdpProvider(
  clientOrConfig: CdpClient | CdpProviderConfig,
  options: { roleCodes?: readonly string[] } = {},
): CdpChatProvider {
  const client: CdpClient = "baseUrl" in clientOrConfig ? createCdpClient(clientOrConfig) : clientOrConfig;
  const defaultSpace = "baseUrl" in clientOrConfig ? (clientOrConfig.defaultSpace ?? null) : null;
  const roleCodes = Object.freeze([
    ...(options.roleCodes ??
      ("baseUrl" in clientOrConfig ? clientOrConfig.roleCodes : undefined) ??
      DEFAULT_CDP_ROLE_CODES),
  ]);

  async function upsert(
    account: AccountRef,
    dto: TLiveChatOperatorBindingGatewayRequestDTO,
  ): Promise<{ id: string; accessToken: null }> {
    const { projectUuid, itemUuid } = parseAccountRef(account);
    const data = await client.upsertOperator(projectUuid, itemUuid, dto);
    return { id: operatorId(data, dto), accessToken: null };
  }

  return {
    name: "cdp",
    capabilities: CDP_CAPABILITIES,
    defaultSpace,
    roleCodes,

    async verifySpace(projectUuid, itemUuid) {
      const account = toAccountRef({ projectUuid, itemUuid });
      try {
        await client.upsertOperator(projectUuid, itemUuid, {});
      } catch (error) {
        if (!isProviderError(error) || error.kind !== "rejected" || error.details.status === undefined) throw error;
      }
      return { account };
    },

    createAccount: async () => unsupported("createAccount"),
    getAccount: async () => unsupported("getAccount"),
    setSubscription: async () => unsupported("setSubscription"),
    cancelSubscription: async () => unsupported("cancelSubscription"),
    getWhatsAppCode: async () => unsupported("getWhatsAppCode"),
    listDepartments: async () => unsupported("listDepartments"),
    createDepartment: async () => unsupported("createDepartment"),
    updateDepartment: async () => unsupported("updateDepartment"),
    deleteDepartment: async () => unsupported("deleteDepartment"),
    listOperators: async () => unsupported("listOperators"),
    satisfactionByDate: async () => unsupported("satisfactionByDate"),
    satisfactionByOperator: async () => unsupported("satisfactionByOperator"),
    satisfactionByTicket: async () => unsupported("satisfactionByTicket"),
    setUra: async () => unsupported("setUra"),

    async createOperator(account, input) {
      return upsert(account, toUpsertDto(input, roleCodes));
    },

    /** `id` is what createOperator returned: a user uuid, or an e-mail when the gateway gave none. */
    async updateOperator(account, id, input) {
      const dto = toUpsertDto(input, roleCodes);
      return upsert(account, EMAIL_LIKE.test(id) ? { ...dto, email: dto.email ?? id } : { ...dto, userUuid: id });
    },
  };
}

/** Whether a provider offers the CDP space helpers (`verifySpace`, `defaultSpace`). */
export function hasSpaceVerification(provider: ChatProvider): provider is CdpChatProvider {
  return typeof (provider as Partial<CdpChatProvider>).verifySpace === "function";
}
