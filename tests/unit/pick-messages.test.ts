import { describe, expect, it } from "vitest";
import { BASE_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/pick-messages";
import { messages } from "@/messages";

describe("pickMessages", () => {
  const catalogue = { common: { save: "Salvar" }, team: { accept: { title: "Convite" }, roles: { owner: "Dono" } } };

  it("keeps whole namespaces and nested paths in the catalogue's shape, and nothing else", () => {
    expect(pickMessages(catalogue, ["common", "team.accept"])).toEqual({
      common: { save: "Salvar" },
      team: { accept: { title: "Convite" } },
    });
  });

  it("merges sibling paths and single messages; skips paths that do not exist", () => {
    expect(pickMessages(catalogue, ["team.accept.title", "team.roles", "nope", "team.nope.deeper"])).toEqual({
      team: { accept: { title: "Convite" }, roles: { owner: "Dono" } },
    });
  });

  it("the base namespaces exist in both languages", () => {
    for (const locale of ["pt-BR", "en"] as const) {
      const picked = pickMessages(messages[locale], BASE_CLIENT_NAMESPACES);
      expect(Object.keys(picked).sort()).toEqual([...BASE_CLIENT_NAMESPACES].sort());
    }
  });
});
