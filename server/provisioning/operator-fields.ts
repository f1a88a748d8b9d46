/**
 * The optional person fields of an operator (CDP-style backends), once: only those that are set,
 * for a provider payload, a create input or a row update. Empty strings and nulls are "not set".
 */
export interface OperatorFields {
  email?: string;
  firstName?: string;
  lastName?: string;
  roleCode?: string;
  onlyAssignedConversations?: boolean;
}

type Maybe<T> = T | null | undefined;

export function operatorFields(v: {
  email?: Maybe<string>;
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  roleCode?: Maybe<string>;
  onlyAssignedConversations?: Maybe<boolean>;
}): OperatorFields {
  return {
    ...(v.email ? { email: v.email } : {}),
    ...(v.firstName ? { firstName: v.firstName } : {}),
    ...(v.lastName ? { lastName: v.lastName } : {}),
    ...(v.roleCode ? { roleCode: v.roleCode } : {}),
    ...(v.onlyAssignedConversations === null || v.onlyAssignedConversations === undefined
      ? {}
      : { onlyAssignedConversations: v.onlyAssignedConversations }),
  };
}
