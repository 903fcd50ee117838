export * from "./users";
export * from "./auth";
export * from "./catalog";
export * from "./orders";
export * from "./audit";
export * from "./jobs";
export * from "./mail";
export * from "./webhooks";
