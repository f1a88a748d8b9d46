/**
 * The design tokens (Tailwind v4 reads this file through `@config` in app/globals.css).
 * Brand: PlugChat green for actions, slate for text, with accessible contrast (AA). The shades
 * actions, links, focus rings and highlighted panels use are CSS variables (defaults in
 * app/globals.css), so the integrator's primary colour (Configuração da plataforma) replaces them
 * at run time: app/layout.tsx sets them from lib/branding/color.ts's brandShades.
 */
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "var(--brand-50)",
          100: "var(--brand-100)",
          200: "var(--brand-200)",
          500: "#12b76a",
          600: "var(--brand-600)",
          700: "var(--brand-700)",
          800: "var(--brand-800)",
          900: "var(--brand-900)",
        },
        danger: { 50: "#fef3f2", 600: "#d92d20", 700: "#b42318" },
        warning: { 50: "#fffaeb", 700: "#b54708" },
      },
      fontFamily: {
        sans: ["var(--font-inter)", "ui-sans-serif", "system-ui", "sans-serif"],
      },
      borderRadius: { card: "0.875rem" },
      boxShadow: { card: "0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1)" },
    },
  },
} satisfies Config;
