import { describe, expect, it } from "vitest";
import { formatPhone, maskPhone } from "@/lib/attendances/phone";

describe("phones as people read them", () => {
  it("formats Brazilian mobiles and landlines", () => {
    expect(formatPhone("5544999999999")).toBe("+55 44 99999-9999");
    expect(formatPhone("554433334444")).toBe("+55 44 3333-4444");
    expect(formatPhone("14155550100")).toBe("+14155550100");
  });

  it("masks for members: country and area code, first digit and the last four", () => {
    expect(maskPhone("5544912349999")).toBe("+55 44 9····-9999");
    expect(maskPhone("554433334444")).toBe("+55 44 3···-4444");
    expect(maskPhone("14155550100")).toBe("+·······0100");
    expect(maskPhone("123")).toBe("····");
    expect(maskPhone("5544912349999")).not.toContain("1234");
  });
});
