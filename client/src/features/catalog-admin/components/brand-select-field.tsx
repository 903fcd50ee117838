import type { ComponentPropsWithRef } from "react";
import type { Brand } from "@shared/contracts/catalog";
import { Field, useFieldIds } from "@client/components/ui/field";
import { controlClasses } from "@client/components/ui/field-styles";

/** Brands grouped by sector name, both sorted by name. */
export function brandsBySector(brands: readonly Brand[]): Array<{ sector: string; brands: Brand[] }> {
  const groups = new Map<string, Brand[]>();
  for (const brand of brands) groups.set(brand.sector.name, [...(groups.get(brand.sector.name) ?? []), brand]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sector, list]) => ({ sector, brands: list.sort((x, y) => x.name.localeCompare(y.name)) }));
}

interface BrandSelectFieldProps extends Omit<ComponentPropsWithRef<"select">, "children"> {
  label: string;
  brands: readonly Brand[];
  /** Which brand field the option values are: the form wants ids, the filters slugs. */
  valueKey: "id" | "slug";
  placeholderOption: string;
  error?: string;
  hint?: string;
  fieldClassName?: string;
}

/** A native brand select with one <optgroup> per sector (keyboard type-ahead and mobile pickers keep working). */
export function BrandSelectField({
  label,
  brands,
  valueKey,
  placeholderOption,
  error,
  hint,
  fieldClassName,
  id,
  className = "",
  ...props
}: BrandSelectFieldProps) {
  const ids = useFieldIds({ id, hint, error });
  return (
    <Field label={label} ids={ids} hint={hint} error={error} className={fieldClassName}>
      <select id={ids.controlId} {...ids.describedBy} className={controlClasses({ invalid: Boolean(error), className: `pr-8 ${className}` })} {...props}>
        <option value="">{placeholderOption}</option>
        {brandsBySector(brands).map((group) => (
          <optgroup key={group.sector} label={group.sector}>
            {group.brands.map((brand) => (
              <option key={brand.id} value={brand[valueKey]}>
                {brand.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}
