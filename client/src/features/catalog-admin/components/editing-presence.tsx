import { useMe } from "@client/features/auth/api/auth";
import { useEditingPresence } from "../api/presence";

/** "Sam is editing", "Sam and Kim are editing", "Sam, Kim and 2 others are editing" (empty when alone). */
export function presenceSentence(names: readonly string[]): string {
  if (names.length === 0) return "";
  const shown = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} others`] : [...names];
  const last = shown.pop()!;
  const who = shown.length ? `${shown.join(", ")} and ${last}` : last;
  return `${who} ${names.length === 1 ? "is" : "are"} editing this product too.`;
}

/**
 * The product form's header line naming the other admins with the same form open (issue 16 §3). A live region that
 * is always rendered, so a screen reader hears someone arrive or leave.
 */
export function EditingPresence({ productId }: { productId: string }) {
  const me = useMe().data;
  const others = useEditingPresence(productId).filter((editor) => editor.userId !== me?.id);
  return (
    <span role="status" aria-live="polite" data-testid="editing-presence" className={others.length ? "font-medium text-amber-800" : undefined}>
      {presenceSentence(others.map((editor) => editor.name))}
    </span>
  );
}
