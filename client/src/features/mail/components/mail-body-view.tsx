import { useId, useState } from "react";

/**
 * A mail's two bodies behind tabs. The HTML renders in a sandboxed frame (no scripts, no same-origin access), so
 * whatever a template produced cannot touch the console.
 */
export function MailBodyView({ subject, html, text }: { subject: string; html: string; text: string }) {
  const [tab, setTab] = useState<"html" | "text">("html");
  const id = useId();
  const tabs = [
    { key: "html" as const, label: "HTML" },
    { key: "text" as const, label: "Plain text" },
  ];
  return (
    <div>
      <div role="tablist" aria-label={`Body of “${subject}”`} className="mb-3 flex gap-1 border-b border-stone-200">
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${id}-${t.key}-tab`}
            aria-selected={tab === t.key}
            aria-controls={`${id}-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            onClick={() => setTab(t.key)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
                const next = tab === "html" ? "text" : "html";
                setTab(next);
                document.getElementById(`${id}-${next}-tab`)?.focus();
              }
            }}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600 ${tab === t.key ? "border-brand-700 text-brand-900" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}`} aria-labelledby={`${id}-${tab}-tab`}>
        {tab === "html" ? (
          <iframe title={`HTML of “${subject}”`} sandbox="" srcDoc={html} className="h-[28rem] w-full rounded-lg border border-stone-200 bg-white" />
        ) : (
          <pre
            tabIndex={0}
            className="max-h-[28rem] overflow-auto whitespace-pre-wrap rounded-lg border border-stone-200 bg-stone-50 p-4 font-mono text-xs text-stone-800"
          >
            {text}
          </pre>
        )}
      </div>
    </div>
  );
}
