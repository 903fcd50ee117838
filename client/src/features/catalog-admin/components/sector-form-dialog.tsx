import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { sectorCreate, sectorUpdate, type Sector, type SectorUpdate } from "@shared/contracts/catalog";
import { Dialog, DialogActions } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useSaveSector } from "../api/sectors";
import { changedValues, createOrUpdateResolver, emptyAsUndefined } from "../form-support";
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

  const onSubmit = form.handleSubmit(async (values) => {
    const body = sector ? changedValues(values, dirtyFields) : values;
    if (sector && Object.keys(body).length === 0) {
      onClose();
      return;
    }
    try {
      const saved = await save.mutateAsync(sector ? { id: sector.id, body } : { body: values as z.output<typeof sectorCreate> });
      toast({ title: sector ? `${saved.name} was saved` : `${saved.name} was created`, tone: "success" });
      onClose();
    } catch (error) {
      applyServerError(error, form.setError, { fields: FIELDS, fieldForCode: { slug_taken: "slug" } });
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
