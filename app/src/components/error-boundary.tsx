import { Component, type ErrorInfo, type ReactNode } from 'react';

/** What the boundary remembers: whether a page failed while rendering. */
interface ErrorBoundaryState {
  hasFailed: boolean;
}

/**
 * Catches an error while a page renders and shows a Danish message with a way on, so the
 * app never ends as a blank page. Keyed by path in App, so the next page starts afresh.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { hasFailed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { hasFailed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Referat: siden kunne ikke vises', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.hasFailed) return this.props.children;
    return (
      <>
        <h1>Siden kunne ikke vises</h1>
        <div role="alert" className="alert alert-error">
          Der skete en uventet fejl. Dine gemte data er ikke påvirket.
        </div>
        <p>
          <button type="button" className="button-primary" onClick={() => window.location.reload()}>
            Indlæs siden igen
          </button>{' '}
          <a href="/">Gå til møderne</a>
        </p>
      </>
    );
  }
}
