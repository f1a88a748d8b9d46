import Link from "next/link";

/** Under the sign-in and sign-up forms: "Não tem conta? Criar conta" and the other way round. */
export function AuthSwitch({ prompt, href, label }: { prompt: string; href: string; label: string }) {
  return (
    <p className="text-center text-sm text-slate-600">
      {prompt}{" "}
      <Link href={href} className="font-semibold text-brand-700 hover:underline">
        {label}
      </Link>
    </p>
  );
}
