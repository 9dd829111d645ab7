/**
 * Teaching is the presenter's layer (shortcuts, help, lessons); it exists so that the explorer can be taught from,
 * not only used.
 */
import { HelpOverlay } from './HelpOverlay';
import { Lessons } from './Lessons';
import { useShortcuts } from './useShortcuts';

/** Everything teaching adds to the workspace: shortcuts, the help overlay and the lessons. */
export function Teaching() {
  useShortcuts();
  return (
    <>
      <Lessons />
      <HelpOverlay />
    </>
  );
}
