/**
 * QrCode is the share link drawn as a QR code; it exists so that students can open the lecturer's scenario from the
 * projector.
 */
import { create as createQr } from 'qrcode';
import { useMemo } from 'react';
import { useT } from '../../i18n';

/** Longest link drawn as a QR code: beyond this the modules get too small to scan from the back of a hall. */
export const QR_MAX_LENGTH = 1200;

/**
 * A QR code as SVG built by React from the code's module matrix (no markup strings: the link is user data). Low
 * error correction keeps long links scannable; the quiet zone is four modules as the standard asks.
 */
export function QrCode({ text, title }: { text: string; title: string }) {
  const t = useT();
  const drawn = useMemo(() => {
    if (text.length > QR_MAX_LENGTH) return null;
    try {
      const { modules } = createQr(text, { errorCorrectionLevel: text.length > 600 ? 'L' : 'M' });
      const size = modules.size;
      let d = '';
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) if (modules.get(x, y)) d += `M${x + 4} ${y + 4}h1v1h-1z`;
      }
      return { d, size: size + 8 };
    } catch {
      return null;
    }
  }, [text]);
  if (!drawn) {
    return (
      <p className="qr-too-long" data-testid="qr-too-long">
        {t('share.qrTooLong', { length: text.length, max: QR_MAX_LENGTH })}
      </p>
    );
  }
  return (
    <svg
      className="qr"
      data-testid="qr"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      shapeRendering="crispEdges"
    >
      <title>{title}</title>
      <rect width={drawn.size} height={drawn.size} fill="#ffffff" />
      <path d={drawn.d} fill="#000000" />
    </svg>
  );
}
