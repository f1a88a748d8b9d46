import Link from "next/link";

/** A bare page for the console's refusals (no shell: the person may not see the console's navigation). */
export function ConsoleNotice({
  title,
  body,
  href,
  linkText,
  testId,
}: {
  title: string;
  body: string;
  href: string;
  linkText: string;
  testId: string;
}) {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 px-4 text-center"
      data-testid={testId}
    >
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="text-slate-600">{body}</p>
      <Link href={href} className="font-semibold text-brand-800 underline">
        {linkText}
      </Link>
    </main>
  );
}
