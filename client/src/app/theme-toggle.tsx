import { useState } from "react";
import { chooseTheme, currentTheme, type Theme } from "./theme";

// Inline paths (lucide's sun and moon) rather than lucide-react: this button is in the entry chunk (issue 13 budget).
const icons: Record<Theme, string> = {
  dark: "M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9Z",
  light:
    "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM12 2v2M12 20v2M4.93 4.93l1.41 1.41M17.66 17.66l1.41 1.41M2 12h2M20 12h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41",
};

/** Switches between light and dark; the choice outlives the visit (localStorage). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(currentTheme);
  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      aria-label="Dark theme"
      aria-pressed={theme === "dark"}
      title={`Switch to the ${next} theme`}
      onClick={() => {
        chooseTheme(next);
        setTheme(next);
      }}
      className="flex size-9 items-center justify-center rounded-lg text-stone-700 hover:bg-brand-50 hover:text-brand-900"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-5"
      >
        <path d={icons[next]} />
      </svg>
    </button>
  );
}
