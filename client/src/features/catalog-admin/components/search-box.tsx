import { useEffect, useId, useState } from "react";
import { controlClasses, labelClasses } from "@client/components/ui/field-styles";

const SEARCH_DEBOUNCE_MS = 300;

interface SearchBoxProps {
  label: string;
  /** The words in the URL. */
  value: string | undefined;
  /** Called 300 ms after the last keystroke, or at once on Enter. */
  onSearch: (q: string | undefined) => void;
  placeholder?: string;
  className?: string;
}

/** A search input that applies its words to the URL after a pause, and shows the URL's words after back/forward. */
export function SearchBox({ label, value, onSearch, placeholder, className = "" }: SearchBoxProps) {
  const id = useId();
  const urlQ = value ?? "";
  const [draft, setDraft] = useState(urlQ);
  // Back/forward changed the URL: show its words, unless they are what is being typed (trailing space and all).
  const [syncedQ, setSyncedQ] = useState(urlQ);
  if (syncedQ !== urlQ) {
    setSyncedQ(urlQ);
    if (draft.trim() !== urlQ) setDraft(urlQ);
  }

  useEffect(() => {
    const q = draft.trim();
    if (q === urlQ) return;
    const timer = setTimeout(() => onSearch(q || undefined), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, urlQ, onSearch]);

  return (
    <div className={className}>
      <label htmlFor={id} className={labelClasses}>{label}</label>
      <input
        id={id}
        type="search"
        value={draft}
        maxLength={100}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onSearch(draft.trim() || undefined);
          }
        }}
        placeholder={placeholder}
        autoComplete="off"
        className={controlClasses({ className: "mt-1.5" })}
      />
    </div>
  );
}
