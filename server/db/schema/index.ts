/** Every table of the portal. One Postgres schema, shared by PGlite and node-postgres. */
export * from "./auth";
export * from "./provisioning";
export * from "./team";
export * from "./onboarding";
export * from "./security";
export * from "./webhooks";
export * from "./reliability";
export * from "./imports";
export * from "./mail";
export * from "./attendances";
export * from "./chat-settings";
export * from "./support";
export * from "./platform";
export * from "./sync";
