import { isStaff } from "@shared/contracts/auth";
import type { ProductStatusFilter } from "@shared/contracts/catalog";
import type { ActingUser } from "../../lib/acting-user";
import { AppError } from "../../lib/app-error";
import type { ProductVisibility } from "./product-queries.repo";

/** Who is asking. Staff and admins may see archived objects; shoppers (or nobody signed in) may not. */
export type CatalogViewer = Pick<ActingUser, "role">;
/** Who writes: admins only (routes guard, the service checks again). */
export type CatalogActor = ActingUser;

export const seesArchived = (viewer?: CatalogViewer) => isStaff(viewer?.role);

export function assertAdmin(actor: CatalogActor | undefined): asserts actor is CatalogActor {
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue.");
  if (actor.role !== "admin") throw new AppError("forbidden", "Only admins can change the catalog.");
}

/** Who may ask for which products: `status` is for staff; shoppers always get the shopper view. */
export function visibilityFor(status: ProductStatusFilter | undefined, viewer: CatalogViewer | undefined): ProductVisibility {
  if (status === undefined) return "shopper";
  if (!seesArchived(viewer)) {
    if (status === "active") return "shopper";
    throw new AppError("forbidden", "Only staff can list archived products.");
  }
  return status;
}
