import { useEffect, useId, useState } from "react";
import { controlClasses, labelClasses } from "./field-styles";

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The words of a search that lives in the URL. `draft` is what the input shows; `apply` gets the trimmed words
 * (undefined when blank) 300 ms after the last keystroke, unless they are the URL's already. Back/forward
 * changing the URL shows its words, unless they are what is being typed (trailing space and all).
 */
export function useSearchDraft(urlValue: string | undefined, apply: (q: string | undefined) => void) {
  const urlQ = urlValue ?? "";
  const [draft, setDraft] = useState(urlQ);
  const [syncedQ, setSyncedQ] = useState(urlQ);
  if (syncedQ !== urlQ) {
    setSyncedQ(urlQ);
    if (draft.trim() !== urlQ) setDraft(urlQ);
  }

  useEffect(() => {
    const q = draft.trim();
    if (q === urlQ) return;
    const timer = setTimeout(() => apply(q || undefined), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, urlQ, apply]);

  return [draft, setDraft] as const;
}

interface SearchFieldProps {
  label: string;
  /** The words typed so far (a useSearchDraft draft). */
  value: string;
  onChange: (value: string) => void;
  /** Enter applies the words at once instead of waiting for the pause. */
  onEnter: () => void;
  placeholder?: string;
  className?: string;
}

/** A labelled search input over a draft: for filter bars whose other controls apply the draft too. */
export function SearchField({ label, value, onChange, onEnter, placeholder, className = "" }: SearchFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClasses}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        maxLength={100}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onEnter();
          }
        }}
        placeholder={placeholder}
        autoComplete="off"
        className={controlClasses({ className: "mt-1.5" })}
      />
    </div>
  );
}

interface SearchBoxProps {
  label: string;
  /** The words in the URL. */
  value: string | undefined;
  /** Called 300 ms after the last keystroke, or at once on Enter. */
  onSearch: (q: string | undefined) => void;
  placeholder?: string;
  className?: string;
}

/** A labelled search input that applies its words to the URL after a pause (see useSearchDraft). */
export function SearchBox({ label, value, onSearch, placeholder, className }: SearchBoxProps) {
  const [draft, setDraft] = useSearchDraft(value, onSearch);
  return (
    <SearchField
      label={label}
      value={draft}
      onChange={setDraft}
      onEnter={() => onSearch(draft.trim() || undefined)}
      placeholder={placeholder}
      className={className}
    />
  );
}
