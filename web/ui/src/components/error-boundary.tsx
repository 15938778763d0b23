import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** A page that fails to render shows why and a way out, instead of blanking the whole app. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <p className="state-title">This page failed to show</p>
        <p>{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>Reload the page</button>
      </div>
    );
  }
}
