"use client";
/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape closes it,
 * without a dependency. `open` drives showModal()/close().
 */
import { clsx } from "clsx";
import { Button } from "./button";
import { useModalDialog } from "./use-modal-dialog";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  className?: string;
}

export function Dialog({ open, onClose, title, children, className }: DialogProps) {
  const { titleId, dialogProps } = useModalDialog(open, onClose);
  return (
    <dialog
      {...dialogProps}
      className={clsx(
        "m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-slate-200 bg-white p-6 text-slate-900 shadow-card backdrop:bg-slate-900/40",
        className,
      )}
    >
      {open && (
        <>
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <div className="mt-3">{children}</div>
        </>
      )}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  tone?: "danger" | "primary";
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" with the consequence said in words. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  tone = "danger",
  busy,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      <div className="text-sm text-slate-700">{body}</div>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        <Button type="button" variant="secondary" onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button type="button" variant={tone === "danger" ? "danger" : "primary"} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
