/**
 * useReportError is the hook that hands an error raised outside rendering to the nearest PanelBoundary; it exists
 * because deferred draws throw where React cannot see them.
 */
import { useCallback, useState } from 'react';

/**
 * Hands an error raised outside rendering (a deferred draw in a timer, an event handler) to the nearest
 * PanelBoundary: the error is kept in state and thrown on the next render, where the boundary catches it.
 */
export function useReportError(): (error: unknown) => void {
  const [error, setError] = useState<unknown>(null);
  if (error !== null) throw error;
  return useCallback((e: unknown) => setError(() => e ?? new Error('unknown error')), []);
}
