import { type ReactNode, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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
    return () => {
      if (element.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
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
      onKeyDown={(e) => {
        if (e.key !== 'Tab') return;
        const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
        if (items.length === 0) return;
        const first = items[0];
        const last = items[items.length - 1];
        if (e.shiftKey && (document.activeElement === first || document.activeElement === e.currentTarget)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
    >
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
