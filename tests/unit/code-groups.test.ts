/** The WhatsApp connection code as shown: groups of four, digits told apart from look-alike letters. */
import { describe, expect, it } from "vitest";
import { codeGroups } from "@/lib/whatsapp/code-groups";

describe("codeGroups", () => {
  it("splits a 32-character code into eight groups of four, losing nothing", () => {
    const code = "l1I0Oo-_abcdEFGH23456789ijklMNOP";
    const groups = codeGroups(code);
    expect(groups).toHaveLength(8);
    expect(groups.every((g) => g.length === 4)).toBe(true);
    expect(
      groups
        .flat()
        .map((c) => c.char)
        .join(""),
    ).toBe(code);
  });

  it("tags digits, letters and the rest", () => {
    expect(
      codeGroups("l1I0O-")
        .flat()
        .map((c) => c.kind),
    ).toEqual(["letter", "digit", "letter", "digit", "letter", "other"]);
    expect(codeGroups("abcdef").map((g) => g.length)).toEqual([4, 2]);
  });
});
