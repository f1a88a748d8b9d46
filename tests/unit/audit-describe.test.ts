/** lib/audit/describe.ts: audit entries as sentences, with the real pt-BR and English messages. */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { describeAuditEntry, type AuditEntryView, type AuditTranslator } from "@/lib/audit/describe";
import { messages } from "@/messages";

function translator(locale: "pt-BR" | "en"): AuditTranslator {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "team" });
  return { t: (key, values) => t(key as never, values as never), has: (key) => t.has(key as never) };
}
const pt = translator("pt-BR");
const en = translator("en");

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  action: "operator.create",
  targetType: "operator",
  result: "success",
  actorKind: "user",
  actorName: "Maria Souza",
  details: null,
  ...over,
});

describe("audit entries as sentences", () => {
  it("a platform staff action: named as the platform's, with the reason staff gave", () => {
    const e = entry({
      action: "staff.retry",
      targetType: "account",
      actorKind: "staff",
      actorName: "Ana Plataforma",
      details: { name: "Loja da Rosa", outcome: "resolved", staffReason: "cliente ligou" },
    });
    expect(describeAuditEntry(pt, e)).toEqual({
      sentence:
        "Equipe da plataforma (Ana Plataforma) pediu uma nova tentativa com o serviço de chat para Loja da Rosa",
      changes: [],
      reason: "Motivo informado pela equipe da plataforma: cliente ligou",
    });
    expect(describeAuditEntry(en, { ...e, actorName: null }).sentence).toBe(
      "Platform staff asked the chat service to try again for Loja da Rosa",
    );
  });

  it("names the actor and the target, in either language", () => {
    const e = entry({ details: { name: "João Conceição", isAdmin: false, vendorId: "v-1", login: null } });
    expect(describeAuditEntry(pt, e)).toEqual({
      sentence: "Maria Souza criou o operador João Conceição",
      changes: [],
      reason: null,
    });
    expect(describeAuditEntry(en, e).sentence).toBe("Maria Souza created operator João Conceição");
  });

  it("says a role change with both roles by their names", () => {
    const e = entry({
      action: "member.change_role",
      targetType: "member",
      details: { name: "Ana", email: "ana@example.com", changes: { role: { from: "member", to: "admin" } } },
    });
    expect(describeAuditEntry(pt, e)).toMatchObject({
      sentence: "Maria Souza mudou o papel de Ana de Membro para Administrador",
      changes: [],
    });
    expect(describeAuditEntry(en, e).sentence).toBe("Maria Souza changed Ana's role from Member to Administrator");
  });

  it("lists what an update changed, before → after, leaving out fields without a label", () => {
    const e = entry({
      action: "operator.update",
      details: {
        name: "Ana Lima Souza",
        changes: {
          name: { from: "Ana Lima", to: "Ana Lima Souza" },
          active: { from: true, to: false },
          departments: { from: ["Suporte"], to: [] },
          internalThing: { from: 1, to: 2 },
        },
      },
    });
    expect(describeAuditEntry(pt, e)).toEqual({
      sentence: "Maria Souza alterou o operador Ana Lima Souza",
      changes: [
        { field: "Nome", from: "Ana Lima", to: "Ana Lima Souza" },
        { field: "Ativo", from: "Sim", to: "Não" },
        { field: "Departamentos", from: "Suporte", to: "(nenhum)" },
      ],
      reason: null,
    });
  });

  it("a failed attempt says it was tried, and why, in words", () => {
    const e = entry({
      action: "department.create",
      targetType: "department",
      result: "failure",
      details: { name: "Financeiro", kind: "unavailable", status: 502, method: "POST", path: "/departments" },
    });
    expect(describeAuditEntry(pt, e)).toEqual({
      sentence: "Maria Souza tentou criar o departamento Financeiro",
      changes: [],
      reason: "O serviço de chat não respondeu ou estava fora do ar.",
    });
  });

  it("the portal's own work, a deleted account and an unknown action read as sentences too", () => {
    const reconcile = entry({
      action: "operator.reconcile",
      actorKind: "system",
      actorName: null,
      details: { outcome: "recreated", name: "Bia" },
    });
    expect(describeAuditEntry(pt, reconcile)).toMatchObject({
      sentence: "O portal (automático) conferiu o operador Bia com o serviço de chat",
      reason: "Criado de novo no serviço de chat.",
    });
    const byDeleted = entry({ actorKind: "deleted", actorName: null, details: { name: "Caio" } });
    expect(describeAuditEntry(pt, byDeleted).sentence).toBe("Uma conta excluída criou o operador Caio");
    expect(describeAuditEntry(en, byDeleted).sentence).toBe("A deleted account created operator Caio");
    const unknown = entry({ action: "something.new", details: { token: "segredo", x: { y: 1 } } });
    const described = describeAuditEntry(pt, unknown);
    expect(described).toEqual({ sentence: "Maria Souza fez uma alteração no portal", changes: [], reason: null });
    expect(JSON.stringify(described)).not.toContain("segredo");
  });

  it("every action the portal writes has a sentence and a filter label in both languages", () => {
    const written = [
      "account.create",
      "account.attach",
      "account.connect",
      "subscription.set",
      "subscription.change",
      "subscription.cancel",
      "ura.update",
      "department.create",
      "department.update",
      "department.delete",
      "department.reconcile",
      "operator.create",
      "operator.update",
      "operator.reconcile",
      "sync.adopt",
      "sync.push",
      "sync.pull",
      "sync.recreate",
      "sync.forget",
      "invitation.create",
      "invitation.accept",
      "invitation.revoke",
      "member.change_role",
      "member.remove",
      "member.leave",
      "member.transfer_ownership",
      "user.password_change",
      "user.password_reset",
      "user.two_factor_enable",
      "user.two_factor_disable",
      "user.name_change",
      "user.email_change",
      "user.delete",
    ];
    for (const tr of [pt, en]) {
      for (const action of written) {
        const key = action.replace(/\./g, "_");
        expect(tr.has(`audit.sentences.${key}`), `sentence for ${action}`).toBe(true);
        expect(tr.has(`audit.actions.${key}`), `label for ${action}`).toBe(true);
        const sentence = describeAuditEntry(tr, entry({ action, details: { name: "X", seats: 3, role: "member" } }));
        expect(sentence.sentence).not.toMatch(/[{}]|\w+\.\w+_/);
      }
    }
  });
});
