import { useEffect, useId, useMemo, useState, type FocusEvent, type FormEvent, type KeyboardEvent } from "react";
import { useLocation, useSearch } from "wouter";
import type { SearchSuggestions } from "@shared/contracts/search";
import { toQueryString } from "@client/lib/api";
import { formatMoney } from "@client/lib/format";
import { useSuggestions } from "../api/search";

interface Suggestion {
  key: string;
  href: string;
  label: string;
  kind: "Sector" | "Brand" | "Product";
  imageUrl?: string;
  price?: string;
}

/** One list in the order the server ranks groups: sectors and brands (few, broad) before products. */
function toOptions(data: SearchSuggestions | undefined): Suggestion[] {
  if (!data) return [];
  return [
    ...data.sectors.map((s) => ({ key: `s:${s.id}`, href: `/sectors/${s.slug}`, label: s.name, kind: "Sector" as const })),
    ...data.brands.map((b) => ({ key: `b:${b.id}`, href: `/brands/${b.slug}`, label: b.name, kind: "Brand" as const })),
    ...data.products.map((p) => ({
      key: `p:${p.id}`,
      href: `/products/${p.slug}`,
      label: p.name,
      kind: "Product" as const,
      imageUrl: p.imageUrl,
      price: formatMoney(p.priceCents, p.currency),
    })),
  ];
}

/**
 * The header's search box: a WAI-ARIA combobox (list autocomplete) suggesting sectors, brands and products as
 * the shopper types (debounced, ADR 044). Arrow keys move through the suggestions, Enter opens the highlighted one
 * or, with none highlighted, searches for the text on /search?q=…; Escape closes the list (a second Escape clears
 * the box). Focus stays in the input throughout: the highlighted option is announced via aria-activedescendant.
 */
export default function HeaderSearch() {
  const [location, navigate] = useLocation();
  const search = useSearch();
  // On the search page the box mirrors the current query.
  const currentQ = location === "/search" ? (new URLSearchParams(search).get("q") ?? "") : "";
  const [text, setText] = useState(currentQ);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const { data, isLoading, isError } = useSuggestions(text, open);
  const options = useMemo(() => toOptions(data), [data]);

  useEffect(() => {
    setText(currentQ);
    setOpen(false);
  }, [currentQ, location]);
  // New suggestions: nothing is highlighted until the shopper moves there.
  useEffect(() => setActive(-1), [options]);

  const hasText = text.trim().length > 0;
  const expanded = open && hasText && (options.length > 0 || isLoading || isError || data !== undefined);
  const optionId = (i: number) => `${listId}-option-${i}`;

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function go(option: Suggestion) {
    close();
    navigate(option.href);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = expanded && active >= 0 ? options[active] : undefined;
    if (chosen) return go(chosen);
    close();
    navigate(`/search${toQueryString({ q: text.trim() })}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(true);
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Wraps around; from "nothing highlighted", Down goes to the first and Up to the last.
      setActive((i) => (i < 0 ? (step > 0 ? 0 : options.length - 1) : (i + step + options.length) % options.length));
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (expanded) close();
      else setText("");
    }
  }

  // Clicking an option must not blur the box first (that would close the list before the click lands).
  function onBlur(event: FocusEvent<HTMLFormElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) close();
  }

  return (
    <form role="search" onSubmit={submit} onBlur={onBlur} className="relative flex w-full max-w-xl items-center">
      <label htmlFor="header-search" className="sr-only">
        Search products
      </label>
      <input
        id="header-search"
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        maxLength={100}
        placeholder="Search fruit, brands, pantry staples…"
        autoComplete="off"
        className="h-11 w-full rounded-full border border-stone-300 bg-stone-50 pl-4 pr-12 text-sm text-stone-900 placeholder:text-stone-500 transition-colors focus:border-brand-600 focus:bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600/40"
      />
      <button
        type="submit"
        aria-label="Search"
        className="absolute right-1 flex size-9 items-center justify-center rounded-full bg-brand-700 text-white transition-colors hover:bg-brand-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path
            fillRule="evenodd"
            d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <div
        hidden={!expanded}
        className="absolute left-0 right-0 top-12 z-50 overflow-hidden rounded-2xl border border-stone-200 bg-white py-1 shadow-lg"
        aria-busy={isLoading}
      >
        <ul id={listId} role="listbox" aria-label="Search suggestions">
          {options.map((option, i) => (
            <li
              key={option.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(option)}
              onMouseMove={() => setActive(i)}
              className={`flex cursor-pointer items-center gap-3 px-4 py-2 text-sm ${i === active ? "bg-brand-50 text-brand-900" : "text-stone-800"}`}
            >
              {option.imageUrl ? (
                <img src={option.imageUrl} alt="" width={32} height={32} loading="lazy" className="size-8 shrink-0 rounded-md bg-stone-100 object-cover" />
              ) : (
                <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-md bg-stone-100 text-xs text-stone-500">
                  {option.kind === "Brand" ? "B" : "S"}
                </span>
              )}
              <span className="min-w-0 flex-1 truncate">{option.label}</span>
              <span className="shrink-0 text-xs text-stone-500">{option.price ?? option.kind}</span>
            </li>
          ))}
        </ul>
        <p role="status" className="px-4 py-2 text-xs text-stone-500 empty:hidden">
          {isLoading
            ? "Searching…"
            : isError
              ? "Suggestions are unavailable; press Enter to search."
              : options.length === 0 && data
                ? "No suggestions: press Enter to search."
                : ""}
        </p>
      </div>
    </form>
  );
}
