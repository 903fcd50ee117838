import { useId } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { brandCreate, brandUpdate, type Brand, type BrandUpdate, type Sector } from "@shared/contracts/catalog";
import { Dialog, DialogActions } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { ErrorState } from "@client/components/ui/error-state";
import { SelectField } from "@client/components/ui/select";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { fetchBrand, useSaveBrand } from "../api/brands";
import { invalidateCatalog } from "../api/keys";
import { useAdminSectors } from "../api/sectors";
import { changedValues, createOrUpdateResolver, emptyAsUndefined, withEmptyMessages } from "../form-support";
import { EditConflictPanel, useEditConflict } from "@client/components/ui/edit-conflict";
import { brandConflictFields } from "./edit-conflict";
import { SlugField, TextAreaField } from "./form-parts";

type BrandFormValues = z.input<typeof brandCreate>;
const FIELDS = ["name", "slug", "description", "sectorId"] as const;

interface BrandFormDialogProps {
  /** The brand to edit; absent to create one. */
  brand?: Brand;
  /** Preselects the sector of a new brand (the list's sector filter). */
  sectorSlug?: string;
  onClose: () => void;
}

/**
 * Create or edit a brand (brandCreate / brandUpdate), picking its sector. The form mounts once the sectors
 * are loaded, so the sector select starts on the right option.
 */
export function BrandFormDialog({ brand, sectorSlug, onClose }: BrandFormDialogProps) {
  const formId = useId();
  const save = useSaveBrand();
  const sectors = useAdminSectors();
  const title = brand ? `Edit ${brand.name}` : "New brand";
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={brand ? undefined : "A brand belongs to one sector; its products are listed on its storefront page."}
      dismissible={!save.isPending}
      footer={<DialogActions form={formId} pending={save.isPending} disabled={!sectors.data} label={brand ? "Save changes" : "Create brand"} />}
    >
      {sectors.data ? (
        <BrandForm formId={formId} title={title} brand={brand} sectors={sectors.data} sectorSlug={sectorSlug} save={save} onDone={onClose} />
      ) : sectors.isError ? (
        <ErrorState error={sectors.error} title="We couldn't load the sectors" onRetry={() => void sectors.refetch()} retrying={sectors.isRefetching} />
      ) : (
        <p className="flex items-center gap-2 py-6 text-sm text-stone-600">
          <Spinner label="Loading sectors" /> Loading sectors…
        </p>
      )}
    </Dialog>
  );
}

interface BrandFormProps {
  formId: string;
  title: string;
  brand?: Brand;
  sectors: Sector[];
  sectorSlug?: string;
  save: ReturnType<typeof useSaveBrand>;
  onDone: () => void;
}

function BrandForm({ formId, title, brand, sectors, sectorSlug, save, onDone }: BrandFormProps) {
  const { toast } = useToast();
  const presetSector = sectors.find((s) => s.slug === sectorSlug)?.id ?? "";
  const form = useForm<BrandFormValues, unknown, BrandUpdate>({
    resolver: withEmptyMessages(createOrUpdateResolver(brandCreate, brandUpdate, Boolean(brand)), { sectorId: "Choose a sector" }),
    defaultValues: brand
      ? { name: brand.name, slug: brand.slug, description: brand.description, sectorId: brand.sector.id }
      : { name: "", slug: undefined, description: "", sectorId: presetSector },
  });
  const { errors, dirtyFields } = form.formState;
  const queryClient = useQueryClient();
  const showServerError = (error: unknown) => applyServerError(error, form.setError, { fields: FIELDS, fieldForCode: { slug_taken: "slug" } });
  const saved = (saved: Brand, isNew: boolean) => {
    toast({
      title: isNew ? `${saved.name} was created` : `${saved.name} was saved`,
      description: isNew ? `In ${saved.sector.name}.` : undefined,
      tone: "success",
    });
    onDone();
  };
  /** A 412 (ADR 056): someone saved this brand meanwhile; the admin reapplies or discards. */
  const edit = useEditConflict<Brand, BrandUpdate>({
    fetchCurrent: fetchBrand,
    write: (id, body, version) => save.mutateAsync({ id, body, version }),
    onSaved: (brand) => saved(brand, false),
    onDiscard: () => {
      void invalidateCatalog(queryClient);
      onDone();
    },
    onError: showServerError,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const body = brand ? changedValues(values, dirtyFields) : values;
    if (brand && Object.keys(body).length === 0) {
      onDone();
      return;
    }
    try {
      if (brand) await edit.submit(brand, body);
      else saved(await save.mutateAsync({ body: values as z.output<typeof brandCreate> }), true);
    } catch (error) {
      showServerError(error);
    }
  });

  const sectorOptions = sectors.map((s) => ({ value: s.id, label: s.name }));
  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={title} className="space-y-4">
      <FormAlert message={errors.root?.server?.message} className="mb-4" />
      <EditConflictPanel noun="brand" fields={brandConflictFields} edit={edit} pending={save.isPending} />
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <SelectField label="Sector" placeholderOption="Choose a sector" options={sectorOptions} error={errors.sectorId?.message} {...form.register("sectorId")} />
      <SlugField noun="brand" editing={Boolean(brand)} error={errors.slug?.message} {...form.register("slug", emptyAsUndefined)} />
      <TextAreaField label="Description" hint="Optional" error={errors.description?.message} {...form.register("description")} />
    </form>
  );
}
