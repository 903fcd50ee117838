import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { createQueryClient } from "@client/lib/query-client";

export function Providers({ children }: { children: ReactNode }) {
  // One client per app mount (not module-level), so tests and HMR start clean.
  const [queryClient] = useState(createQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
