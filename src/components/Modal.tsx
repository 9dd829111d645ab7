import { type ReactNode, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab inside the element whose keydown this handles: from the last focusable element Tab goes to
 * the first, and from the first (or the container itself) Shift+Tab to the last. Elements not shown are skipped.
 */
export function trapTab(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'currentTarget' | 'preventDefault'>): void {
  if (e.key !== 'Tab' || !(e.currentTarget instanceof HTMLElement)) return;
  const container = e.currentTarget;
  // not those inside a closed <details> (rendered with content-visibility: hidden) or otherwise not shown
  const items = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) =>
    typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })
      : el.getClientRects().length > 0,
  );
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog on the native `<dialog>` element, shown with showModal() while it is mounted: the page behind it is
 * inert, Tab and Shift+Tab cycle inside it, Esc and a click on the backdrop close it, and on closing the focus goes
 * back to the element that had it when the dialog opened (the button that opened it).
 */
export function Modal({
  onClose,
  className,
  testId,
  label,
  labelledBy,
  children,
}: {
  onClose: () => void;
  className?: string;
  testId?: string;
  /** accessible name, when no heading names the dialog */
  label?: string;
  /** id of the heading that names the dialog */
  labelledBy?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    // A dialog taller than its box (the Japanese help at 1280×720) would open scrolled down to its first button: it
    // takes the focus itself instead, so it opens at its heading, and Tab goes on to its first control.
    if (element.scrollHeight > element.clientHeight) {
      element.focus();
      element.scrollTop = 0;
    }
    return () => {
      if (element.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      tabIndex={-1}
      className={`modal${className ? ` ${className}` : ''}`}
      data-testid={testId}
      aria-label={label}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        // Esc: the store decides (it unmounts the dialog), so the dialog never closes behind React's back
        e.preventDefault();
        closeRef.current();
      }}
      onClose={() => closeRef.current()}
      onClick={(e) => {
        // a click on the backdrop lands on the dialog element itself; the content is wrapped in .modal-body
        if (e.target === e.currentTarget) closeRef.current();
      }}
      onKeyDown={trapTab}
    >
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
