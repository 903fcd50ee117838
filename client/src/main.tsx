import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { applyStoredTheme } from "./app/theme";
import "./styles.css";

// A page chunk of the build this tab started with may be gone once a new build is live (ADR 047): the server
// answers 404, and one reload fetches the new index.html with the new chunk names. At most once a minute,
// so a chunk that is missing for another reason ends in the error screen, not in a reload loop.
const RELOADED_AT = "fp:chunk-reload-at";
window.addEventListener("vite:preloadError", (event) => {
  const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

applyStoredTheme();

const root = document.getElementById("root");
if (!root) throw new Error("index.html is missing the #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
