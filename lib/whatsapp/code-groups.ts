/**
 * A connection code shown for reading aloud or typing: groups of four, each character tagged
 * so digits can be told apart from look-alike letters (0/O, 1/l/I). Pure, zod-free.
 */
export type CodeCharKind = "digit" | "letter" | "other";

export interface CodeChar {
  char: string;
  kind: CodeCharKind;
}

export const CODE_GROUP_SIZE = 4;

export function codeGroups(code: string, size: number = CODE_GROUP_SIZE): CodeChar[][] {
  const groups: CodeChar[][] = [];
  const chars = [...code];
  for (let i = 0; i < chars.length; i += size) {
    groups.push(
      chars.slice(i, i + size).map((char) => ({
        char,
        kind: /[0-9]/.test(char) ? "digit" : /\p{L}/u.test(char) ? "letter" : "other",
      })),
    );
  }
  return groups;
}
