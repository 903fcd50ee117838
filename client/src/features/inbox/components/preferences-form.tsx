import { useEffect, useState } from "react";
import { ADMIN_ONLY_ALERT_KINDS, staffAlertKindLabels, staffAlertKinds, type NotificationPreferences, type StaffAlertKind } from "@shared/contracts/inbox";
import { Button } from "@client/components/ui/button";
import { FormAlert } from "@client/components/ui/form-alert";
import { useMe } from "@client/features/auth/api/auth";
import { usePreferences, useSavePreferences } from "../api/inbox";

/** Which kinds ring the bell and which are e-mailed too (a kind is e-mailed only when it rings the bell). */
export function PreferencesForm() {
  const me = useMe();
  const isAdmin = me.data?.role === "admin";
  const saved = usePreferences(true);
  const save = useSavePreferences();
  const [draft, setDraft] = useState<NotificationPreferences>();
  useEffect(() => {
    if (saved.data && !draft) setDraft(saved.data);
  }, [saved.data, draft]);
  if (!draft) return <p className="text-sm text-stone-600">Loading preferences…</p>;

  const kinds = staffAlertKinds.filter((k) => isAdmin || !ADMIN_ONLY_ALERT_KINDS.includes(k));
  const toggle = (list: "inApp" | "email", kind: StaffAlertKind, on: boolean) =>
    setDraft((d) => {
      const next = { ...d!, [list]: on ? [...d![list], kind] : d![list].filter((k) => k !== kind) };
      if (list === "inApp" && !on) next.email = next.email.filter((k) => k !== kind);
      return next;
    });

  return (
    <form
      aria-label="Notification preferences"
      className="rounded-lg border border-stone-200 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft, { onSuccess: setDraft });
      }}
    >
      <FormAlert message={save.isError ? "The preferences were not saved. Try again." : undefined} className="mb-3" />
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-stone-600">
            <th className="pb-2 font-medium">Kind</th>
            <th className="pb-2 font-medium">In the bell</th>
            <th className="pb-2 font-medium">By e-mail</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <td className="py-1 pr-3 text-stone-800">{staffAlertKindLabels[kind]}</td>
              <td className="py-1">
                <input
                  type="checkbox"
                  aria-label={`${staffAlertKindLabels[kind]} in the bell`}
                  checked={draft.inApp.includes(kind)}
                  onChange={(e) => toggle("inApp", kind, e.target.checked)}
                />
              </td>
              <td className="py-1">
                <input
                  type="checkbox"
                  aria-label={`${staffAlertKindLabels[kind]} by e-mail`}
                  checked={draft.email.includes(kind)}
                  disabled={!draft.inApp.includes(kind)}
                  onChange={(e) => toggle("email", kind, e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" size="sm" disabled={save.isPending}>
          Save preferences
        </Button>
        {save.isSuccess && (
          <span className="text-sm text-brand-800" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
