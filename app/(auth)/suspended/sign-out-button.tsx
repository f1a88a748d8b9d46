"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { signOutTo } from "@/lib/auth/browser";

/** Sign out from the suspension page (no shell, no user menu there). */
export function SignOutButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      busy={busy}
      onClick={() => {
        setBusy(true);
        void signOutTo("/sign-in");
      }}
    >
      {label}
    </Button>
  );
}
