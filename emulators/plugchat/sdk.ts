/**
 * Stand-in of the vendor's browser SDK (`/sdk/index.js`), exposing `window.ChatPluginPlay`.
 * `init` checks the operator's accessToken against `/sdk/session` on the script's own
 * origin and renders a visible panel saying who is logged in, with the integrator's name, logo
 * and colour (appName, appLogo, appPrimaryColor). It also reports the options it was given to
 * `POST /sdk/init` (the token only as "given or not"), which the control surface lists at
 * `GET /__emulator/sdk/inits`, so a test can prove what the portal passed. CSP-friendly: no
 * eval, no inline handlers, DOM built with textContent only.
 */

/** What the emulator keeps of one init call. */
export interface RecordedSdkInit {
  /** When it was reported (ms since the epoch). */
  at: number;
  /** The options as given, except operatorAccessToken, which is replaced by `hasOperatorAccessToken`. */
  options: Record<string, unknown>;
}

/** An init report is small: a few strings. */
export const SDK_INIT_MAX_BYTES = 16 * 1024;
/** The newest reports kept. */
export const SDK_INITS_KEPT = 50;

/** One init report (a JSON object, read as text/plain: no CORS preflight), or null when it is not one. */
export function parseSdkInit(raw: Buffer | null, at: number): RecordedSdkInit | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"));
    if (!value || typeof value !== "object" || Array.isArray(value)) return null;
    const { operatorAccessToken, ...options } = value as Record<string, unknown>;
    // The script never sends the token; should anything else, it is not kept either.
    return {
      at,
      options: { ...options, hasOperatorAccessToken: Boolean(operatorAccessToken ?? options.hasOperatorAccessToken) },
    };
  } catch {
    return null;
  }
}
export const SDK_SCRIPT = `(function () {
  "use strict";
  var current = document.currentScript;
  var origin = current && current.src ? new URL(current.src).origin : window.location.origin;
  var state = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setStatus(text, ok) {
    if (!state) return;
    state.status.textContent = text;
    state.root.setAttribute("data-status", ok ? "ready" : "error");
  }

  function applyTheme(root, opts) {
    var dark = opts.theme === "dark";
    root.style.position = "fixed";
    root.style.right = "16px";
    root.style.bottom = "80px";
    root.style.zIndex = "2147483000";
    root.style.width = "320px";
    root.style.padding = "12px";
    root.style.borderRadius = "8px";
    root.style.boxShadow = "0 4px 16px rgba(0,0,0,.25)";
    root.style.fontFamily = "system-ui, sans-serif";
    root.style.fontSize = "14px";
    root.style.background = dark ? "#1f2937" : "#ffffff";
    root.style.color = dark ? "#f9fafb" : "#111827";
    root.style.borderTop = "4px solid " + (opts.appPrimaryColor || "#16a34a");
  }

  function openChat(opts) {
    if (!state) return;
    state.root.hidden = false;
    state.root.setAttribute("data-open", "true");
    var o = opts || {};
    state.conversation.textContent = o.phone ? "Conversa com " + o.phone + (o.message ? ": " + o.message : "") : "";
  }

  function closeChat() {
    if (!state) return;
    state.root.hidden = true;
    state.root.setAttribute("data-open", "false");
  }

  function destroy() {
    if (!state) return;
    if (state.button) state.button.remove();
    state.root.remove();
    state = null;
  }

  function report(opts) {
    var recorded = {};
    Object.keys(opts).forEach(function (k) { if (k !== "operatorAccessToken") recorded[k] = opts[k]; });
    recorded.hasOperatorAccessToken = Boolean(opts.operatorAccessToken);
    try {
      fetch(origin + "/sdk/init", { method: "POST", mode: "no-cors", credentials: "omit", headers: { "Content-Type": "text/plain" }, body: JSON.stringify(recorded) }).catch(function () {});
    } catch (e) {}
  }

  function init(opts) {
    destroy();
    opts = opts || {};
    report(opts);
    var root = el("div", { "data-testid": "plugchat-sdk", role: "region", "aria-label": "PlugChat", "data-status": "loading", "data-open": "true" });
    applyTheme(root, opts);
    var title = el("strong", { "data-testid": "plugchat-sdk-app-name" }, opts.appName || "PlugChat");
    if (opts.appLogo) {
      var logo = el("img", { src: String(opts.appLogo), alt: "", height: "24", "data-testid": "plugchat-sdk-logo" });
      logo.style.height = "24px";
      logo.style.marginRight = "8px";
      logo.style.verticalAlign = "middle";
      root.append(logo);
    }
    var status = el("p", { "data-testid": "plugchat-sdk-status", "aria-live": "polite" }, "Conectando…");
    var conversation = el("p", { "data-testid": "plugchat-sdk-conversation" });
    var account = el("p", { "data-testid": "plugchat-sdk-account" }, "Conta " + String(opts.accountId || ""));
    var close = el("button", { type: "button", "aria-label": "Fechar chat" }, "Fechar");
    close.addEventListener("click", closeChat);
    root.append(title, status, account, conversation, close);
    document.body.appendChild(root);
    state = { root: root, status: status, conversation: conversation, button: null, accountId: opts.accountId };

    if (opts.enableFloatingButton) {
      var button = el("button", { type: "button", "data-testid": "plugchat-sdk-button", "aria-label": "Abrir chat" }, "Chat");
      button.style.position = "fixed";
      button.style.right = "16px";
      button.style.bottom = "16px";
      button.style.zIndex = "2147483000";
      button.style.background = opts.floatingButtonColor || "#16a34a";
      button.style.color = opts.floatingIconColor || "#ffffff";
      button.addEventListener("click", function () { if (state && state.root.hidden) openChat(); else closeChat(); });
      document.body.appendChild(button);
      state.button = button;
    }

    if (!opts.operatorAccessToken) {
      setStatus("Faça login para atender (sem token de operador)", false);
      return Promise.resolve(false);
    }
    var mine = state;
    return fetch(origin + "/sdk/session?token=" + encodeURIComponent(opts.operatorAccessToken), { credentials: "omit" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (state !== mine) return false;
        if (!s.ok) { setStatus("Erro: " + (s.reason || "token inválido"), false); return false; }
        if (opts.accountId && s.accountId !== opts.accountId) { setStatus("Erro: token de outra conta", false); return false; }
        setStatus("Logado como " + s.operator.name, true);
        root.setAttribute("data-operator-id", s.operator.id);
        return true;
      })
      .catch(function () { if (state === mine) setStatus("Erro: PlugChat indisponível", false); return false; });
  }

  function toogleFloatingButton() {
    if (state && state.button) state.button.hidden = !state.button.hidden;
  }

  window.ChatPluginPlay = { init: init, openChat: openChat, closeChat: closeChat, toogleFloatingButton: toogleFloatingButton, destroy: destroy };
})();
`;
