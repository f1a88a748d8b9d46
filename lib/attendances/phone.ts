/**
 * Brazilian phone numbers as people read them. Members see a masked number
 * (`+55 44 9····-9999`): the country and area codes, the first digit and the last four.
 */
function parts(digits: string): { country: string; area: string; local: string } | null {
  const d = digits.replace(/\D/g, "");
  // 55 + two-digit area code + 8 (landline) or 9 (mobile) digits.
  if (/^55\d{10,11}$/.test(d)) return { country: "55", area: d.slice(2, 4), local: d.slice(4) };
  return null;
}

export function formatPhone(digits: string): string {
  const p = parts(digits);
  if (!p) return digits.replace(/\D/g, "") ? `+${digits.replace(/\D/g, "")}` : "";
  return `+${p.country} ${p.area} ${p.local.slice(0, -4)}-${p.local.slice(-4)}`;
}

export function maskPhone(digits: string): string {
  const p = parts(digits);
  const d = digits.replace(/\D/g, "");
  if (!p) return d.length > 4 ? `+${"·".repeat(d.length - 4)}${d.slice(-4)}` : "····";
  const head = p.local.slice(0, -4);
  return `+${p.country} ${p.area} ${head[0]}${"·".repeat(head.length - 1)}-${p.local.slice(-4)}`;
}
