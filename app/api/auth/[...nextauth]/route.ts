import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { refuseThrottledSignIn } from "@/server/auth/sign-in-guard";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext): Promise<Response> {
  const throttled = await refuseThrottledSignIn(req);
  if (throttled) return throttled;
  return NextAuth(authOptions())(req, context) as Promise<Response>;
}

export { handler as GET, handler as POST };
