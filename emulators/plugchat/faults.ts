/** The PlugChat emulator's fault switches: the shared machinery (emulators/shared/faults). */
export * from "../shared/faults";
