import type { Role } from "@shared/contracts/auth";

/**
 * Who is acting on a request, as routes hand it to services (the signed-in user; services re-check roles
 * themselves). Structurally an audit actor too, so services record it as is.
 */
export interface ActingUser {
  id: string;
  email: string;
  role: Role;
}
