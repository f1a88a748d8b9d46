"use client";
/** Asks the server to render the report again (it asks the chat again when its cached answer is old). */
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

export function RetryButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button type="button" variant="secondary" busy={pending} onClick={() => startTransition(() => router.refresh())}>
      {label}
    </Button>
  );
}
