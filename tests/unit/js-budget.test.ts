import { describe, expect, it } from "vitest";
import {
  budgetFor,
  compareToBudget,
  firstVisitBytes,
  parseBudget,
  routeOfAppDir,
  unknownBudgetRoutes,
} from "@/scripts/js-budget-check";

const budget = { default: 1000, routes: { "/sign-in": 800 } };

describe("JS budget", () => {
  it("a route's own budget wins over the default", () => {
    expect(budgetFor(budget, "/sign-in")).toBe(800);
    expect(budgetFor(budget, "/team/operators")).toBe(1000);
    expect(budgetFor({ default: 5 }, "/")).toBe(5);
  });

  it("over only when the bytes exceed the budget; the margin is budget − bytes; sorted by route", () => {
    const verdicts = compareToBudget(
      [
        { route: "/sign-in", bytes: 801 },
        { route: "/", bytes: 1000 },
        { route: "/account", bytes: 1001 },
      ],
      budget,
    );
    expect(verdicts).toEqual([
      { route: "/", bytes: 1000, budget: 1000, margin: 0, over: false },
      { route: "/account", bytes: 1001, budget: 1000, margin: -1, over: true },
      { route: "/sign-in", bytes: 801, budget: 800, margin: -1, over: true },
    ]);
  });

  it("maps a server build folder to its URL: route groups and slots are not in it", () => {
    expect(routeOfAppDir("(app)/onboarding/[step]")).toBe("/onboarding/[step]");
    expect(routeOfAppDir("(auth)/sign-in")).toBe("/sign-in");
    expect(routeOfAppDir("(app)/team/(admin)/import")).toBe("/team/import");
    expect(routeOfAppDir("(app)")).toBe("/");
    expect(routeOfAppDir("@modal/x")).toBe("/x");
  });

  it("a first visit is the first-load chunks plus the largest next/dynamic entry's own chunks", () => {
    const sizes: Record<string, number> = { a: 100, b: 50, s1: 30, s2: 70, shared: 20 };
    const bytesOf = (f: string) => sizes[f]!;
    expect(firstVisitBytes(["a", "b"], [], bytesOf)).toBe(150);
    // s2 + shared (90) beats s1 + shared (50); "a" is already counted, a duplicate file counts once.
    expect(
      firstVisitBytes(
        ["a", "b"],
        [
          ["s1", "shared", "a"],
          ["s2", "shared", "shared"],
        ],
        bytesOf,
      ),
    ).toBe(240);
    expect(firstVisitBytes(["a"], [["a"]], bytesOf)).toBe(100);
  });

  it("names budget routes the build does not have", () => {
    expect(unknownBudgetRoutes([{ route: "/", bytes: 1 }], budget)).toEqual(["/sign-in"]);
    expect(unknownBudgetRoutes([{ route: "/sign-in", bytes: 1 }], budget)).toEqual([]);
  });

  it("accepts the repository's perf-budget.json and refuses malformed budgets", async () => {
    const file = (await import("@/perf-budget.json")).default;
    expect(parseBudget(file).default).toBeGreaterThan(0);
    expect(() => parseBudget(null)).toThrow();
    expect(() => parseBudget({ default: "200kB" })).toThrow(/default/);
    expect(() => parseBudget({ default: 0 })).toThrow(/default/);
    expect(() => parseBudget({ default: 10, routes: { "/": 1.5 } })).toThrow(/\//);
    expect(parseBudget({ default: 10 })).toEqual({ default: 10 });
  });
});
