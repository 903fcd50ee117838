import type { ProductStatusFilter } from "@shared/contracts/catalog";
import { AppError } from "../../lib/app-error";
import type { ProductVisibility } from "./product-queries.repo";

/** Who is asking. Staff and admins may see archived objects; shoppers (or nobody signed in) may not. */
export interface CatalogViewer {
  role: "customer" | "staff" | "admin";
}
/** Who writes: admins only (routes guard, the service checks again). */
export interface CatalogActor extends CatalogViewer {
  id: string;
  email: string;
}

export const seesArchived = (viewer?: CatalogViewer) => viewer?.role === "staff" || viewer?.role === "admin";

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
