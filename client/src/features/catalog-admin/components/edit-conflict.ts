import type { Brand, Product, Sector } from "@shared/contracts/catalog";
import type { ConflictFields } from "@client/components/ui/edit-conflict";

/** What the catalog's edit forms show of a 412 (the panel lists the fields either admin changed by these labels). */
export const productConflictFields: ConflictFields<Product> = {
  name: { label: "Name" },
  slug: { label: "Slug" },
  description: { label: "Description" },
  priceCents: { label: "Price" },
  stock: { label: "Stock" },
  imageUrl: { label: "Image URL" },
  status: { label: "Status" },
  brandId: { label: "Brand", value: (p) => p.brand.id },
  options: { label: "Options" },
  variants: { label: "Variants (price and stock per variant)" },
};
export const sectorConflictFields: ConflictFields<Sector> = {
  name: { label: "Name" },
  slug: { label: "Slug" },
  emoji: { label: "Emoji" },
  description: { label: "Description" },
};
export const brandConflictFields: ConflictFields<Brand> = {
  name: { label: "Name" },
  slug: { label: "Slug" },
  description: { label: "Description" },
  sectorId: { label: "Sector", value: (b) => b.sector.id },
};
