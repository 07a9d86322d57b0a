import { cn } from "@pharmacrm/ui";

/** The PharmaCRM mark: a capsule inside a rounded tile. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-7", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <g transform="rotate(-40 16 16)">
        <rect x="6" y="11.5" width="20" height="9" rx="4.5" className="fill-white/30" />
        <path d="M10.5 11.5H16v9h-5.5a4.5 4.5 0 0 1 0-9Z" className="fill-white" />
      </g>
    </svg>
  );
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900", className)}>
      <LogoMark />
      <span>
        Pharma<span className="text-brand-700">CRM</span>
      </span>
    </span>
  );
}
