import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  adminProcedure,
  createCallerFactory,
  createContextInner,
  createTRPCRouter,
  orgProcedure,
  ownerProcedure,
} from "@/server/api/trpc";
import type { DbHandle } from "@/server/db/client";
import { createTestDb, testDbKinds } from "../helpers/db";
import { trpcCodeOf } from "../helpers/outcome";
import { callerFor, createMember, type TestMember } from "../helpers/context";

/** A router made of the base procedures alone, to test the middleware chain in isolation. */
const probeRouter = createTRPCRouter({
  asMember: orgProcedure.query(({ ctx }) => ({ org: ctx.org.id, role: ctx.membership.role })),
  asAdmin: adminProcedure.mutation(({ ctx }) => ctx.org.id),
  asOwner: ownerProcedure.mutation(({ ctx }) => ctx.org.id),
});
const probeCaller = createCallerFactory(probeRouter);

describe.each(testDbKinds())("organization scoping and roles on %s", (kind) => {
  let handle: DbHandle;
  let ownerA: TestMember;
  let adminA: TestMember;
  let memberA: TestMember;
  let ownerB: TestMember;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    ownerA = await createMember(handle.db, { role: "owner" });
    adminA = await createMember(handle.db, { role: "admin", organizationId: ownerA.organizationId });
    memberA = await createMember(handle.db, { role: "member", organizationId: ownerA.organizationId });
    ownerB = await createMember(handle.db, { role: "owner" });
  });
  afterAll(async () => {
    await handle.close();
  });

  const probe = (member: TestMember | null, orgHint?: string | null) =>
    probeCaller(
      createContextInner({
        db: handle.db,
        session: member?.session ?? null,
        orgHint: orgHint !== undefined ? orgHint : (member?.organizationId ?? null),
        setCookie: () => undefined,
      }),
    );

  it("anonymous callers are refused with UNAUTHORIZED", async () => {
    expect(await trpcCodeOf(callerFor({ db: handle.db, member: null }).me.get())).toBe("UNAUTHORIZED");
    expect(await trpcCodeOf(probe(null).asMember())).toBe("UNAUTHORIZED");
  });

  it("a member sees their own organization and role", async () => {
    const me = await callerFor({ db: handle.db, member: memberA }).me.get();
    expect(me.organization.id).toBe(ownerA.organizationId);
    expect(me.role).toBe("member");
  });

  it("claiming another organization is refused (FORBIDDEN), not silently switched", async () => {
    expect(
      await trpcCodeOf(callerFor({ db: handle.db, member: ownerA, orgHint: ownerB.organizationId }).me.get()),
    ).toBe("FORBIDDEN");
    expect(await trpcCodeOf(probe(ownerB, ownerA.organizationId).asMember())).toBe("FORBIDDEN");
  });

  it("without a hint, the user's first organization is used", async () => {
    expect((await probe(ownerB, null).asMember()).org).toBe(ownerB.organizationId);
  });

  it("roles compose: member < admin < owner", async () => {
    expect(await trpcCodeOf(probe(memberA).asAdmin())).toBe("FORBIDDEN");
    expect(await probe(adminA).asAdmin()).toBe(ownerA.organizationId);
    expect(await trpcCodeOf(probe(adminA).asOwner())).toBe("FORBIDDEN");
    expect(await probe(ownerA).asOwner()).toBe(ownerA.organizationId);
  });
});
