import { useId } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { productCreate, productUpdate, type Brand, type Product, type ProductUpdate } from "@shared/contracts/catalog";
import { Dialog, DialogActions } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { ErrorState } from "@client/components/ui/error-state";
import { SelectField } from "@client/components/ui/select";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useBrandChoices } from "../api/brands";
import { invalidateCatalog } from "../api/keys";
import { fetchProduct, useSaveProduct } from "../api/products";
import { EditConflictPanel, useEditConflict } from "@client/components/ui/edit-conflict";
import { productConflictFields } from "./edit-conflict";
import { changedValues, createOrUpdateResolver, emptyAsUndefined, withEmptyMessages } from "../form-support";
import { BrandSelectField } from "./brand-select-field";
import { EditingPresence } from "./editing-presence";
import { SlugField, TextAreaField } from "./form-parts";
import { PriceStockAndVariants } from "./variants-editor";
import { variantDefaults, withVariantLists } from "../variant-drafts";

type ProductFormValues = z.input<typeof productCreate>;
const FIELDS = ["name", "slug", "description", "priceCents", "stock", "imageUrl", "brandId", "status"] as const;
const statusOptions = [
  { value: "active", label: "Active: listed in the shop" },
  { value: "archived", label: "Archived: hidden from the shop" },
] as const;

/** The picture the server makes up for a product without an image (its API fills imageUrl with it). */
const generatedImageUrl = (slug: string) => `/images/products/${slug}.svg`;

interface ProductFormDialogProps {
  /** The product to edit; absent to create one. */
  product?: Product;
  /** Preselects the brand of a new product (the list's brand filter). */
  brandSlug?: string;
  onClose: () => void;
}

/**
 * Create or edit a product (productCreate / productUpdate): price typed in dollars (kept in cents), brand
 * picked by sector. Stock is set on creation only; afterwards it changes through the table's atomic
 * stock controls, so an edit never overwrites units sold meanwhile.
 */
export function ProductFormDialog({ product, brandSlug, onClose }: ProductFormDialogProps) {
  const formId = useId();
  const save = useSaveProduct();
  const brands = useBrandChoices();
  const title = product ? `Edit ${product.name}` : "New product";
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={product ? <EditingPresence productId={product.id} /> : "Active products appear on the storefront as soon as they are created."}
      size="lg"
      dismissible={!save.isPending}
      footer={<DialogActions form={formId} pending={save.isPending} disabled={!brands.data} label={product ? "Save changes" : "Create product"} />}
    >
      {brands.data ? (
        <ProductForm formId={formId} title={title} product={product} brands={brands.data} brandSlug={brandSlug} save={save} onDone={onClose} />
      ) : brands.isError ? (
        <ErrorState error={brands.error} title="We couldn't load the brands" onRetry={() => void brands.refetch()} retrying={brands.isRefetching} />
      ) : (
        <p className="flex items-center gap-2 py-6 text-sm text-stone-600">
          <Spinner label="Loading brands" /> Loading brands…
        </p>
      )}
    </Dialog>
  );
}

interface ProductFormProps {
  formId: string;
  title: string;
  product?: Product;
  brands: Brand[];
  brandSlug?: string;
  save: ReturnType<typeof useSaveProduct>;
  onDone: () => void;
}

function ProductForm({ formId, title, product, brands, brandSlug, save, onDone }: ProductFormProps) {
  const { toast } = useToast();
  const presetBrand = brands.find((b) => b.slug === brandSlug)?.id ?? "";
  const form = useForm<ProductFormValues, unknown, ProductUpdate>({
    resolver: withEmptyMessages(createOrUpdateResolver(productCreate, productUpdate, Boolean(product)), { brandId: "Choose a brand" }),
    defaultValues: product
      ? {
          name: product.name,
          slug: product.slug,
          description: product.description,
          ...variantDefaults(product),
          imageUrl: product.imageUrl === generatedImageUrl(product.slug) ? "" : product.imageUrl,
          brandId: product.brand.id,
          status: product.status,
        }
      : { name: "", slug: undefined, description: "", priceCents: Number.NaN, stock: 0, imageUrl: "", brandId: presetBrand, status: "active" },
  });
  const { errors, dirtyFields } = form.formState;
  const queryClient = useQueryClient();
  const showServerError = (error: unknown) => applyServerError(error, form.setError, { fields: FIELDS, fieldForCode: { slug_taken: "slug" } });

  const saved = (product: Product, isNew: boolean) => {
    toast({
      title: isNew ? `${product.name} was created` : `${product.name} was saved`,
      description: product.status === "active" ? `On the storefront at /products/${product.slug}` : "Archived: hidden from the storefront.",
      tone: "success",
    });
    onDone();
  };

  /** A 412 (ADR 056): load what the other admin saved and let this one decide. */
  const edit = useEditConflict<Product, ProductUpdate>({
    fetchCurrent: fetchProduct,
    write: (id, body, version) => save.mutateAsync({ id, body, version }),
    onSaved: (product) => saved(product, false),
    onDiscard: () => {
      void invalidateCatalog(queryClient); // the list still shows the version this form loaded
      onDone();
    },
    onError: showServerError,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    // An empty image URL means "none": leave it out of a new product rather than storing "".
    const created = { ...(values as z.output<typeof productCreate>), imageUrl: values.imageUrl?.trim() ? values.imageUrl.trim() : undefined };
    const body = product ? withVariantLists(changedValues(values, dirtyFields), values, dirtyFields) : created;
    if (product && Object.keys(body).length === 0) {
      onDone();
      return;
    }
    try {
      if (product) await edit.submit(product, body);
      else saved(await save.mutateAsync({ body: created }), true);
    } catch (error) {
      showServerError(error);
    }
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={title} className="space-y-4">
      <FormAlert message={errors.root?.server?.message} className="mb-4" />
      <EditConflictPanel noun="product" fields={productConflictFields} edit={edit} pending={save.isPending} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <BrandSelectField
          label="Brand"
          brands={brands}
          valueKey="id"
          placeholderOption="Choose a brand"
          error={errors.brandId?.message}
          {...form.register("brandId")}
        />
        <SelectField label="Status" options={statusOptions} error={errors.status?.message} {...form.register("status")} />
      </div>
      <PriceStockAndVariants form={form} product={product} />
      <SlugField noun="product" editing={Boolean(product)} error={errors.slug?.message} {...form.register("slug", emptyAsUndefined)} />
      <TextField
        label="Image URL"
        type="text"
        autoComplete="off"
        spellCheck={false}
        hint="Optional: leave empty for a generated picture."
        error={errors.imageUrl?.message}
        {...form.register("imageUrl")}
      />
      <TextAreaField label="Description" rows={4} hint="Optional" error={errors.description?.message} {...form.register("description")} />
    </form>
  );
}
