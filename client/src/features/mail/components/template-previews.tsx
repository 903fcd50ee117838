import { QueryErrorState } from "@client/components/ui/query-error-state";
import { Skeleton } from "@client/components/ui/skeleton";
import { useMailPreviews } from "../api/mail";
import { MailBodyView } from "./mail-body-view";

/** Every template rendered with demo data, as a customer would receive it. */
export function TemplatePreviews() {
  const query = useMailPreviews();
  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <p role="status" className="sr-only">
          Rendering the templates
        </p>
        <Skeleton className="h-80 w-full" />
      </div>
    );
  }
  if (query.isError)
    return <QueryErrorState error={query.error} title="We couldn't render the templates" onRetry={() => void query.refetch()} retrying={query.isRefetching} />;
  return (
    <div className="space-y-8">
      {query.data.data.map((preview) => (
        <section key={preview.template} aria-labelledby={`preview-${preview.template}`} className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm">
          <h2 id={`preview-${preview.template}`} className="text-base font-semibold text-stone-900">
            {preview.subject}
          </h2>
          <p className="mb-4 mt-1 text-sm text-stone-600">
            <code className="font-mono text-xs">{preview.template}</code> · {preview.description}
          </p>
          <MailBodyView subject={preview.subject} html={preview.html} text={preview.text} />
        </section>
      ))}
    </div>
  );
}
