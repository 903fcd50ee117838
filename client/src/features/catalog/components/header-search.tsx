import type { FormEvent } from "react";
import { useLocation, useSearch } from "wouter";
import { toQueryString } from "@client/lib/api";

/** The header's search box: a plain form that lands on /search?q=… (works with Enter and the button). */
export function HeaderSearch() {
  const [location, navigate] = useLocation();
  const search = useSearch();
  // On the search page the box mirrors the current query; keyed so it refreshes when q changes.
  const currentQ = location === "/search" ? (new URLSearchParams(search).get("q") ?? "") : "";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
    navigate(`/search${toQueryString({ q })}`);
  }

  return (
    <form role="search" onSubmit={submit} className="relative flex w-full max-w-xl items-center">
      <label htmlFor="header-search" className="sr-only">
        Search products
      </label>
      <input
        key={currentQ}
        id="header-search"
        name="q"
        type="search"
        defaultValue={currentQ}
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
    </form>
  );
}
