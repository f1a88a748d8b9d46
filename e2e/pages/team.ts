/** Page objects for the team pages (Portuguese labels: the default language). */
import { expect, type Page } from "@playwright/test";

export class MembersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/team/members");
  }

  /** Creates an invitation (its form opens in a dialog) and returns the link shown to copy. */
  async invite(email: string, role: "Membro" | "Administrador" = "Membro"): Promise<string> {
    await this.page.getByRole("button", { name: "Convidar pessoa" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Convidar pessoa" });
    await expect(dialog.getByLabel("E-mail da pessoa")).toBeFocused();
    await dialog.getByLabel("E-mail da pessoa").fill(email);
    await dialog.getByLabel("Papel", { exact: true }).selectOption({ label: role });
    await dialog.getByRole("button", { name: "Criar convite" }).click();
    await expect(dialog).toBeHidden();
    const link = this.page.getByLabel("Link do convite");
    await link.waitFor();
    return link.inputValue();
  }

  row(text: string) {
    return this.page.getByTestId("member-row").filter({ hasText: text });
  }
}

/** Calls a tRPC mutation through the page's cookies (set-up steps that are not what a test is about). */
export async function trpcMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { "content-type": "application/json", origin: new URL(page.url()).origin },
  });
  if (!res.ok()) throw new Error(`${path} → ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** Reads a tRPC query through the page's cookies. */
export async function trpcQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  if (!res.ok()) throw new Error(`${path} → ${res.status()}: ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: T } } }).result.data.json;
}
