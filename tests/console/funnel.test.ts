/**
 * Funil de cadastro: completeStep records when each step is first reached; the funnel counts per
 * week who started, reached each step (or went past it) and completed, and the median time per
 * step from those entries — through console.funnel.get as staff.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db/client";
import { onboardingStates, organizations } from "@/server/db/schema";
import { completeStep, getOnboarding } from "@/server/onboarding/state";
import { computeFunnel } from "@/server/console/funnel";
import { createMember } from "../helpers/context";
import { createTestDb, testDbKinds } from "../helpers/db";
import { createStaff, staffCaller } from "./helpers";

const HOUR = 3_600_000;

describe.each(testDbKinds())("console funnel (%s)", (kind) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const handle = await createTestDb(kind);
    db = handle.db;
    close = handle.close;
  });
  afterAll(async () => close());

  it("completeStep records the first entry into each step, never overwriting it", async () => {
    const { organizationId } = await createMember(db);
    await completeStep(db, organizationId, "company");
    const first = (await getOnboarding(db, organizationId)).stepEnteredAt.departments;
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT/);
    await completeStep(db, organizationId, "company");
    expect((await getOnboarding(db, organizationId)).stepEnteredAt.departments).toBe(first);
    await completeStep(db, organizationId, "departments");
    expect(Object.keys((await getOnboarding(db, organizationId)).stepEnteredAt).sort()).toEqual([
      "departments",
      "operators",
    ]);
  });

  it("per week: started, reached each step, completed; drop-off totals; median time in each step", async () => {
    // A fixed week in the past, in a database of its own organizations only for that week.
    const monday = new Date("2025-03-03T12:00:00-03:00");
    const orgs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { organizationId } = await createMember(db);
      await db
        .update(organizations)
        .set({ createdAt: new Date(monday.getTime() + i * HOUR) })
        .where(eq(organizations.id, organizationId));
      orgs.push(organizationId);
    }
    const at = (i: number, hours: number) => new Date(monday.getTime() + i * HOUR + hours * HOUR).toISOString();
    // 0: company only. 1: at operators (1 h in company, 2 h in departments). 2: completed (3 h in company).
    // 3: at departments, entered after 5 h.
    await db.insert(onboardingStates).values([
      { organizationId: orgs[0]!, currentStep: "company" },
      {
        organizationId: orgs[1]!,
        currentStep: "operators",
        stepEnteredAt: { departments: at(1, 1), operators: at(1, 3) },
      },
      {
        organizationId: orgs[2]!,
        currentStep: "done",
        completedAt: new Date(at(2, 10)),
        stepEnteredAt: {
          departments: at(2, 3),
          operators: at(2, 4),
          plan: at(2, 6),
          whatsapp: at(2, 8),
          done: at(2, 10),
        },
      },
      { organizationId: orgs[3]!, currentStep: "departments", stepEnteredAt: { departments: at(3, 5) } },
    ]);
    const now = new Date("2025-03-05T12:00:00-03:00");
    const funnel = await computeFunnel(db, { weeks: 1, now });
    expect(funnel.weeks).toEqual([
      {
        week: "2025-03-03",
        started: 4,
        reached: { company: 4, departments: 3, operators: 2, plan: 1, whatsapp: 1 },
        completed: 1,
      },
    ]);
    expect(funnel.totals.started).toBe(4);
    // company: 1 h, 3 h, 5 h → 3 h; departments: 2 h, 1 h → 1.5 h; whatsapp: 2 h.
    expect(funnel.medians.company).toEqual({ medianMs: 3 * HOUR, samples: 3 });
    expect(funnel.medians.departments).toEqual({ medianMs: 1.5 * HOUR, samples: 2 });
    expect(funnel.medians.whatsapp).toEqual({ medianMs: 2 * HOUR, samples: 1 });

    // The procedure answers the same shape to staff (this week: the test's other organizations).
    const staff = await createStaff(db);
    const viaApi = await staffCaller(db, staff).console.funnel.get({ weeks: 2 });
    expect(viaApi.totals.started).toBeGreaterThanOrEqual(2);
  });
});
