import { Card } from "@/components/ui/card";

/** The frame of a step: its heading (the page's h2) and intro. */
export function StepCard({ heading, intro, children }: { heading: string; intro?: string; children: React.ReactNode }) {
  return (
    <Card className="flex flex-col gap-5">
      <div>
        <h2 className="text-xl font-semibold text-slate-900">{heading}</h2>
        {intro && <p className="mt-1 text-sm text-slate-700">{intro}</p>}
      </div>
      {children}
    </Card>
  );
}
