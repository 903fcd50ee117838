import { useId } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { sectorCreate, sectorUpdate, type Sector, type SectorUpdate } from "@shared/contracts/catalog";
import { Dialog, DialogActions } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { invalidateCatalog } from "../api/keys";
import { fetchSector, useSaveSector } from "../api/sectors";
import { changedValues, createOrUpdateResolver, emptyAsUndefined } from "../form-support";
import { EditConflictPanel, useEditConflict } from "@client/components/ui/edit-conflict";
import { sectorConflictFields } from "./edit-conflict";
import { SlugField, TextAreaField } from "./form-parts";

type SectorFormValues = z.input<typeof sectorCreate>;
const FIELDS = ["name", "slug", "emoji", "description"] as const;

interface SectorFormDialogProps {
  /** The sector to edit; absent to create one. */
  sector?: Sector;
  onClose: () => void;
}

/** Create or edit a sector with the contract's schemas (sectorCreate / sectorUpdate); a taken slug shows on the slug field. */
export function SectorFormDialog({ sector, onClose }: SectorFormDialogProps) {
  const formId = useId();
  const save = useSaveSector();
  const { toast } = useToast();
  const form = useForm<SectorFormValues, unknown, SectorUpdate>({
    resolver: createOrUpdateResolver(sectorCreate, sectorUpdate, Boolean(sector)),
    defaultValues: sector
      ? { name: sector.name, slug: sector.slug, emoji: sector.emoji, description: sector.description }
      : { name: "", slug: undefined, emoji: "", description: "" },
  });
  const { errors, isSubmitting, dirtyFields } = form.formState;
  const pending = isSubmitting || save.isPending;
  const queryClient = useQueryClient();
  const showServerError = (error: unknown) => applyServerError(error, form.setError, { fields: FIELDS, fieldForCode: { slug_taken: "slug" } });
  const saved = (saved: Sector, isNew: boolean) => {
    toast({ title: isNew ? `${saved.name} was created` : `${saved.name} was saved`, tone: "success" });
    onClose();
  };
  /** A 412 (ADR 056): someone saved this sector meanwhile; the admin reapplies or discards. */
  const edit = useEditConflict<Sector, SectorUpdate>({
    fetchCurrent: fetchSector,
    write: (id, body, version) => save.mutateAsync({ id, body, version }),
    onSaved: (sector) => saved(sector, false),
    onDiscard: () => {
      void invalidateCatalog(queryClient);
      onClose();
    },
    onError: showServerError,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const body = sector ? changedValues(values, dirtyFields) : values;
    if (sector && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    try {
      if (sector) await edit.submit(sector, body);
      else saved(await save.mutateAsync({ body: values as z.output<typeof sectorCreate> }), true);
    } catch (error) {
      showServerError(error);
    }
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={sector ? `Edit ${sector.name}` : "New sector"}
      description={sector ? undefined : "Sectors group brands on the storefront's home page and menu."}
      dismissible={!pending}
      footer={<DialogActions form={formId} pending={pending} label={sector ? "Save changes" : "Create sector"} />}
    >
      <form id={formId} onSubmit={onSubmit} noValidate aria-label={sector ? `Edit ${sector.name}` : "New sector"} className="space-y-4">
        <FormAlert message={errors.root?.server?.message} className="mb-4" />
        <EditConflictPanel noun="sector" fields={sectorConflictFields} edit={edit} pending={pending} />
        <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
          <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
          <TextField label="Emoji" autoComplete="off" hint="Optional" error={errors.emoji?.message} {...form.register("emoji")} />
        </div>
        <SlugField noun="sector" editing={Boolean(sector)} error={errors.slug?.message} {...form.register("slug", emptyAsUndefined)} />
        <TextAreaField label="Description" hint="Optional" error={errors.description?.message} {...form.register("description")} />
      </form>
    </Dialog>
  );
}
