import { redirect } from "next/navigation";

/** The console opens on Clientes. */
export default function ConsoleHome(): never {
  redirect("/admin/customers");
}
