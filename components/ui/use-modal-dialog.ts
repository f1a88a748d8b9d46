"use client";
/**
 * The native <dialog> plumbing shared by Dialog and Drawer: `open` drives showModal()/close(),
 * and the element's close/cancel (Escape) call `onClose`. React passes a nested dialog's
 * close/cancel up to its parent (a confirm inside a form dialog), so only the element's own count.
 * Spread the returned props on the <dialog>; `titleId` goes on its heading.
 */
import { useEffect, useId, useRef } from "react";

export function useModalDialog(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return {
    titleId,
    dialogProps: {
      ref,
      "aria-labelledby": titleId,
      onClose: (e: React.SyntheticEvent<HTMLDialogElement>) => {
        if (e.target === e.currentTarget) onClose();
      },
      onCancel: (e: React.SyntheticEvent<HTMLDialogElement>) => {
        if (e.target !== e.currentTarget) return;
        e.preventDefault();
        onClose();
      },
    },
  };
}
