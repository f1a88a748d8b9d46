/** The look shared by the header's drop-down menus (user menu, phone navigation). */
export const menuContentClass =
  "z-30 w-64 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-2 text-slate-800 shadow-card focus:outline-none";
export const menuItemClass =
  "block w-full cursor-pointer rounded-md px-3 py-2 text-left text-sm text-slate-800 outline-none hover:bg-slate-100 focus-visible:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent";
