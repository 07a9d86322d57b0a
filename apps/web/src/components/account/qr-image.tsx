import type { QrMatrix } from "./qr-code";

const QUIET = 4;

export function QrImage({ matrix, label }: { matrix: QrMatrix; label: string }) {
  const side = matrix.size + QUIET * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`${-QUIET} ${-QUIET} ${side} ${side}`}
      className="size-44 rounded-md border border-slate-200 bg-white"
      shapeRendering="crispEdges"
      data-testid="mfa-qr"
    >
      <path d={matrix.path} fill="#0f172a" />
    </svg>
  );
}
