/** What the attendances search matches: the customer's name without accents, lower-case, and the phone's digits. */
export function normaliseSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export function searchTextOf(name: string | null, phone: string | null): string {
  return [name ? normaliseSearch(name) : "", phone ?? ""].filter(Boolean).join(" ");
}
