import { auditActions } from "@shared/contracts/audit";

/** Plain words for the actions recorded so far; unknown ones (later features add more) show their code. */
const labels: Record<string, string> = {
  "auth.login.succeeded": "Signed in",
  "auth.login.failed": "Sign-in failed",
  "auth.register": "Registered",
  "auth.logout": "Signed out",
  "user.role_changed": "Role changed",
  "user.updated": "Profile edited",
  "user.deleted": "Account deleted",
};

export const actionLabel = (action: string): string => labels[action] ?? action;

/** The action filter's choices: the contract's known actions, plus one from the URL that this build doesn't know yet. */
export function actionOptions(current?: string): { value: string; label: string }[] {
  const known: string[] = [...auditActions];
  if (current && !known.includes(current)) known.push(current);
  return known.map((action) => ({ value: action, label: `${actionLabel(action)} (${action})` }));
}

/** Failures stand out in the list. */
export const isFailureAction = (action: string): boolean => action.endsWith(".failed") || action.endsWith(".deleted");
