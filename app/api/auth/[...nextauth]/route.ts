import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { refuseThrottledSignIn } from "@/server/auth/sign-in-guard";
import { publicOrigin, requestOrigin } from "@/server/http/public-origin";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, context: RouteContext): Promise<Response> {
  const throttled = await refuseThrottledSignIn(req);
  if (throttled) return throttled;
  const origin = publicOrigin(requestOrigin(req.headers));
  return NextAuth(authOptions({ origin }))(req, context) as Promise<Response>;
}

export { handler as GET, handler as POST };
