import { NotFoundState } from "@client/components/ui/not-found-state";

export default function NotFoundPage() {
  return <NotFoundState />;
}
