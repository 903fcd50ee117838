// Light or dark (ADR 062). Without a choice the page follows the system (prefers-color-scheme, in CSS alone); a
// choice made with the header's toggle is kept in localStorage and set as data-theme on <html>, which the CSS
// prefers over the system setting.
export type Theme = "light" | "dark";

const STORAGE_KEY = "fp:theme";

function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "light" || value === "dark" ? value : null;
  } catch {
    return null; // storage blocked (privacy mode): follow the system
  }
}

/** Called before the first render, so a stored choice never flashes the other theme. */
export function applyStoredTheme(): void {
  const theme = storedTheme();
  if (theme) document.documentElement.dataset.theme = theme;
}

/** The theme on screen now: the stored choice, else the system's. */
export function currentTheme(): Theme {
  return storedTheme() ?? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
}

export function chooseTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // not remembered, still applied for this page view
  }
}
