/** The console's route group: its own refusal page (forbidden.tsx) sits here, above the staff gate. */
export default function ConsoleGroupLayout({ children }: { children: React.ReactNode }) {
  return children;
}
