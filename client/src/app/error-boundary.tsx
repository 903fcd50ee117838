import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorState } from "@client/components/ui/error-state";

interface State {
  error: Error | null;
}

/** Last line of defence for render errors and failed lazy chunk loads (e.g. after a deploy). */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    // Navigating elsewhere clears the error so the next page gets its chance.
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("Unhandled UI error", error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <ErrorState error={this.state.error} title="This page failed to load" onRetry={() => window.location.reload()} />;
    }
    return this.props.children;
  }
}
