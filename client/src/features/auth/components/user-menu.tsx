// The signed-in account menu: its own chunk, so anonymous visitors never download it (issue 13, initial JS).
import { useEffect, useId, useRef, useState, type FocusEvent } from "react";
import { Link, useLocation } from "wouter";
import type { User } from "@shared/contracts/auth";
import { Spinner } from "@client/components/ui/skeleton";
import { useToast } from "@client/components/ui/toast";
import { accountLinksFor } from "../account-links";
import { useLogout } from "../api/session-mutations";
import { roleLabels } from "../roles";

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("") || "?";

const itemClasses =
  "flex w-full items-center rounded-lg px-3 py-2 text-left text-sm font-medium text-stone-800 hover:bg-brand-50 hover:text-brand-900 focus-visible:bg-brand-50";

/**
 * A disclosure (button + panel), not an ARIA menu: plain links and a button inside, Tab moves through them,
 * Escape or a click outside closes it and focus returns to the button.
 */
export default function UserMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [location, navigate] = useLocation();
  const { toast } = useToast();
  const logout = useLogout({ onSignedOut: () => navigate("/") });

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  // Tabbing out of the panel closes it, like leaving any disclosure.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget && !containerRef.current?.contains(event.relatedTarget as Node)) setOpen(false);
  };

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => toast({ title: "You've signed out", tone: "info" }),
      onError: (error) => toast({ title: "We couldn't sign you out", description: error.message, tone: "error" }),
    });

  return (
    <div ref={containerRef} className="relative" onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm font-semibold text-stone-800 hover:bg-brand-50 sm:pr-3"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-brand-700 text-xs font-bold text-white">
          {initialsOf(user.name)}
        </span>
        <span className="sr-only">Account: </span>
        <span className="max-w-32 truncate max-sm:sr-only">{user.name}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`size-4 text-stone-500 transition-transform ${open ? "rotate-180" : ""}`}>
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <div id={panelId} hidden={!open} className="absolute right-0 z-50 mt-2 w-64 rounded-xl border border-stone-200 bg-white p-2 shadow-lg">
        <div className="border-b border-stone-100 px-3 pb-3 pt-2">
          <p className="truncate text-sm font-semibold text-stone-900">{user.name}</p>
          <p className="truncate text-xs text-stone-600">{user.email}</p>
          <p className="mt-1.5 inline-block rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">{roleLabels[user.role]}</p>
        </div>
        <nav aria-label="Account" className="py-1">
          <ul>
            {accountLinksFor(user.role).map((link) => {
              const current = location === link.href || location.startsWith(`${link.href}/`);
              return (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    aria-current={current ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={`${itemClasses} ${current ? "bg-brand-50 text-brand-900" : ""}`}
                  >
                    {link.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="border-t border-stone-100 pt-1">
          <button type="button" onClick={signOut} disabled={logout.isPending} className={itemClasses}>
            {logout.isPending ? (
              <>
                <Spinner label="Signing out" className="mr-2" /> Signing out…
              </>
            ) : (
              "Sign out"
            )}
          </button>
        </div>
      </div>
    </div>
  );
}
