import type { TOperatorsPageInput } from "@/lib/validation/team";

export type OperatorFilters = Required<Omit<TOperatorsPageInput, "departmentId">> & { departmentId?: string };

export const DEFAULT_OPERATOR_FILTERS: OperatorFilters = {
  search: "",
  status: "all",
  admin: "all",
  role: "all",
  sort: "name",
  dir: "asc",
  page: 1,
  pageSize: 25,
};
