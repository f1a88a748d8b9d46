/** Creating portal users and checking their credentials. */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { appError } from "@/server/errors";
import type { Db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import { memberships, organizations, users, type User } from "@/server/db/schema";
import type { TSignUpInput } from "@/lib/validation/auth";
import { isListedStaff } from "./staff";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password";

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return user;
}

/** Sign-up: the user, their organization and the owner membership, in one transaction. */
export async function registerUser(db: Db, input: TSignUpInput): Promise<{ user: User; organizationId: string }> {
  if (await findUserByEmail(db, input.email)) throw appError("EMAIL_TAKEN", { field: "email" });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email.toLowerCase(),
          passwordHash,
          // PLATFORM_STAFF_EMAILS: a listed address is staff from its first row.
          isStaff: isListedStaff(input.email),
        })
        .returning();
      const [org] = await tx
        .insert(organizations)
        .values({ name: input.companyName })
        .returning({ id: organizations.id });
      if (!user || !org) throw new Error("insert returned nothing");
      await tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: "owner" });
      return { user, organizationId: org.id };
    });
  } catch (error) {
    // Two sign-ups with one e-mail at once: the unique index decides.
    if (isUniqueViolation(error)) throw appError("EMAIL_TAKEN", { field: "email" });
    throw error;
  }
}

/**
 * The user whose e-mail and password match, or null. Unknown e-mails cost one argon2
 * verification too, so the answer's timing does not tell which e-mails exist.
 */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  if (needsRehash(user.passwordHash)) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: new Date() })
      .where(eq(users.id, user.id));
  }
  return user;
}
