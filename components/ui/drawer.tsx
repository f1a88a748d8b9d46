"use client";
/**
 * A side panel on the native <dialog> element (modal: focus trapped, Escape closes it): the full
 * width of a phone, a column on the right from `sm` up. `open` drives showModal()/close().
 */
import { Button } from "./button";
import { useModalDialog } from "./use-modal-dialog";

export interface DrawerProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** The close button's label, in the person's language. */
  closeLabel: string;
  children: React.ReactNode;
}

export function Drawer({ open, onClose, title, closeLabel, children }: DrawerProps) {
  const { titleId, dialogProps } = useModalDialog(open, onClose);
  return (
    <dialog
      {...dialogProps}
      className="m-0 ml-auto h-dvh max-h-none w-full max-w-full overflow-y-auto border-l border-slate-200 bg-white p-6 text-slate-900 shadow-card backdrop:bg-slate-900/40 sm:w-[28rem]"
    >
      {open && (
        <>
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={onClose}>
              {closeLabel}
            </Button>
          </div>
          <div className="mt-4">{children}</div>
        </>
      )}
    </dialog>
  );
}
