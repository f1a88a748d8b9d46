/**
 * Passwords refused whatever their length: the most common 12+ character passwords of
 * public breach lists, plus Portuguese favourites. Compared lower-cased.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789123",
  "111111111111",
  "000000000000",
  "123123123123",
  "qwertyuiopas",
  "qwertyuiop123",
  "qwerty123456",
  "password1234",
  "password12345",
  "password123456",
  "passwordpassword",
  "iloveyou1234",
  "abcdefghijkl",
  "abc123456789",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "q1w2e3r4t5y6",
  "aaaaaaaaaaaa",
  "senha1234567",
  "senha12345678",
  "senhasenha12",
  "minhasenha123",
  "minhasenha1234",
  "brasil123456",
  "mudar1234567",
  "trocarsenha1",
  "administrator",
  "admin1234567",
  "welcome12345",
  "letmein12345",
  "changeme1234",
  "football1234",
  "plugchat1234",
  "plugchat12345",
  "corinthians1",
  "flamengo1234",
  "palmeiras123",
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
