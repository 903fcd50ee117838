import { Link } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import { useMe } from "@client/features/auth/api/auth";
import { adminSections } from "./admin-sections";

export default function AdminHomePage() {
  const me = useMe();
  return (
    <>
      <title>Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Admin console" description={me.data ? `Signed in as ${me.data.email}.` : undefined} />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {adminSections.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="flex h-full flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-5 shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50/40"
            >
              <span aria-hidden="true" className="text-3xl">
                {section.icon}
              </span>
              <span className="text-lg font-semibold text-stone-900">{section.label}</span>
              <span className="text-sm text-stone-600">{section.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
