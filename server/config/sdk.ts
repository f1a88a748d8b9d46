/** Where the vendor's browser SDK is loaded from: configuration, else (outside production) the local emulator's stand-in. */
export const DEV_CHAT_SDK_URL = "http://127.0.0.1:4010/sdk/index.js";

export function chatSdkUrl(e: NodeJS.ProcessEnv = process.env): string | undefined {
  return e.PLUGCHAT_SDK_URL || (e.NODE_ENV === "production" ? undefined : DEV_CHAT_SDK_URL);
}
