/**
 * The portal's mark beside its name: the integrator's logo when one is saved (Configuração da
 * plataforma, served by app/api/branding/logo), else the same drawing as the tab icon
 * (app/icon.svg), served as that file so the browser fetches it once for both. Decorative: the
 * name next to it is the text.
 */
export function BrandMark({ size = 32, logoPath }: { size?: number; logoPath?: string | null | undefined }) {
  if (logoPath)
    return (
      // A plain <img>: the logo route answers with its own long cache; a wide logo keeps its proportions.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={logoPath}
        alt=""
        height={size}
        className="w-auto max-w-32 shrink-0 object-contain"
        style={{ height: size }}
        data-testid="brand-logo"
      />
    );
  // eslint-disable-next-line @next/next/no-img-element
  return <img src="/icon.svg" alt="" width={size} height={size} className="shrink-0" />;
}
