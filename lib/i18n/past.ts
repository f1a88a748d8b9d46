/**
 * A moment that has happened, for format.relativeTime: never later than `now`. A server clock a
 * little ahead, or a `now` the page took before the answer came, would otherwise read as the
 * future ("Última verificação em 1 segundo"); at `now` it reads "agora".
 */
export function notAfter(moment: Date | string | number, now: Date): Date {
  const at = new Date(moment);
  return at.getTime() > now.getTime() ? now : at;
}
