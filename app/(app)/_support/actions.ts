"use server";
/** Leaving support access: forget the customer's organization and go back to its page in the console. */
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ORG_COOKIE } from "@/server/api/trpc";

export async function leaveSupport(): Promise<never> {
  const jar = await cookies();
  const organizationId = jar.get(ORG_COOKIE)?.value;
  jar.delete(ORG_COOKIE);
  redirect(organizationId && /^[0-9a-f-]{36}$/i.test(organizationId) ? `/admin/customers/${organizationId}` : "/admin");
}
