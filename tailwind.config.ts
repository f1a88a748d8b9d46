/**
 * The design tokens (Tailwind v4 reads this file through `@config` in app/globals.css).
 * Brand: PlugChat green for actions, slate for text, with accessible contrast (AA).
 */
import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#ecfdf3",
          100: "#d1fadf",
          200: "#a6f4c5",
          500: "#12b76a",
          600: "#039855",
          700: "#027a48",
          800: "#05603a",
          900: "#054f31",
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
