/**
 * The portal's mark beside its name: the same drawing as the tab icon (app/icon.svg), served as
 * that file, so the browser fetches it once for both. Decorative: the name next to it is the text.
 */
export function BrandMark({ size = 32 }: { size?: number }) {
  // A plain <img>: an SVG gains nothing from next/image's resizing.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src="/icon.svg" alt="" width={size} height={size} className="shrink-0" />;
}
