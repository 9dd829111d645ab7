/**
 * PanelBoundary is the error boundary around each panel and chart; it exists so that one failing panel is replaced
 * by a message and the rest of the page keeps working.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PanelError } from './PanelError';
import './faults.css';

interface BoundaryProps {
  /** short stable name, written to data-panel (e.g. 'charts', 'chart-cd8') */
  name: string;
  /** the panel's title in the page's language, named in the message */
  label?: string;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/**
 * Keeps a failure inside one panel: if the panel throws while rendering (or reports an error with useReportError),
 * it is replaced by a small message with "Try again" and the rest of the page goes on working. Try again renders the
 * panel afresh; if it fails again, the message comes back.
 */
export class PanelBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the console; the user sees the fallback.
    console.warn(`Panel "${this.props.name}" failed to render:`, error, info.componentStack ?? '');
  }

  private reset = (): void => this.setState({ error: null });

  render(): ReactNode {
    if (this.state.error) return <PanelError name={this.props.name} label={this.props.label} onRetry={this.reset} />;
    return this.props.children;
  }
}
