import { useTranslations } from "next-intl";
import { departmentMenu, fillSenderName, PREVIEW_SENDER_NAME } from "@/lib/ura/messages";

/** One chat bubble: the customer's on the left, the automatic reply's on the right. */
function Bubble({ from, label, children }: { from: "customer" | "reply"; label: string; children: string }) {
  return (
    <li
      className={
        from === "customer"
          ? "max-w-[85%] self-start rounded-lg rounded-tl-none bg-white px-3 py-2 shadow-sm"
          : "max-w-[85%] self-end rounded-lg rounded-tr-none bg-[#d9fdd3] px-3 py-2 shadow-sm"
      }
    >
      <span className="sr-only">{label}: </span>
      <p className="whitespace-pre-wrap break-words text-sm text-slate-900">{children}</p>
    </li>
  );
}

/**
 * The URA's messages as a customer named "Maria" would see them on WhatsApp: her first message,
 * the welcome, and the department message with the departments it offers numbered below it.
 */
export function WhatsAppPreview({
  active,
  welcomeMessage,
  departmentMessage,
  departments,
}: {
  active: boolean;
  welcomeMessage: string;
  departmentMessage: string;
  departments: readonly string[];
}) {
  const t = useTranslations("ura");
  return (
    <div className="flex flex-col gap-2">
      <ol
        aria-label={t("previewTitle")}
        data-testid="ura-preview"
        className="flex flex-col gap-2 rounded-lg bg-[#efeae2] p-3"
      >
        <Bubble from="customer" label={t("previewCustomerLabel")}>
          {t("previewCustomer")}
        </Bubble>
        {active && welcomeMessage.trim() && (
          <Bubble from="reply" label={t("previewReplyLabel")}>
            {fillSenderName(welcomeMessage)}
          </Bubble>
        )}
        {active && departmentMessage.trim() && (
          <Bubble from="reply" label={t("previewReplyLabel")}>
            {departmentMenu(departmentMessage, departments)}
          </Bubble>
        )}
      </ol>
      <p className="text-xs text-slate-700">
        {active ? t("previewNote", { name: PREVIEW_SENDER_NAME }) : t("previewOff")}
      </p>
    </div>
  );
}
