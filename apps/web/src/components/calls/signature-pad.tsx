"use client";

import { Eraser } from "lucide-react";
import { useEffect, useRef } from "react";
import SignaturePad, { type PointGroup } from "signature_pad";

import { SIGNATURE_PAD } from "@pharmacrm/domain/call-report-input";
import { Button, cn } from "@pharmacrm/ui";

type Strokes = number[][];
const { width: W, height: H } = SIGNATURE_PAD;
const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));

/** The pad's point groups (CSS pixels of the canvas as drawn) as strokes on the fixed 600×200 grid. */
function toStrokes(groups: PointGroup[], rect: { width: number; height: number }): Strokes {
  return groups
    .map((g) => g.points.flatMap((p) => [clamp((p.x * W) / rect.width, W), clamp((p.y * H) / rect.height, H)]))
    .filter((s) => s.length >= 2);
}

function toGroups(strokes: Strokes, rect: { width: number; height: number }): PointGroup[] {
  return strokes.map((s) => ({
    penColor: "#0f172a",
    dotSize: 0,
    minWidth: 0.8,
    maxWidth: 2.4,
    velocityFilterWeight: 0.7,
    compositeOperation: "source-over",
    points: Array.from({ length: s.length / 2 }, (_, i) => ({
      x: (s[2 * i]! * rect.width) / W,
      y: (s[2 * i + 1]! * rect.height) / H,
      pressure: 0.5,
      time: i,
    })),
  }));
}

interface SignatureFieldProps {
  value: Strokes | undefined;
  onChange: (value: Strokes | undefined) => void;
  id: string;
  invalid?: boolean;
  describedBy?: string;
}

/** The physician signs on screen (finger, pen or mouse); strokes are kept, not a picture. */
export function SignatureField({ value, onChange, id, invalid, describedBy }: SignatureFieldProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  // The strokes in pad units: what is redrawn when the canvas changes size (a rotated tablet, a resized window).
  const strokes = useRef(value);
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
    strokes.current = value;
  }, [onChange, value]);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { minWidth: 0.8, maxWidth: 2.4, penColor: "#0f172a" });
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const rect = canvas.getBoundingClientRect();
      if (rect.width === 0) return;
      canvas.width = rect.width * ratio;
      canvas.height = rect.height * ratio;
      canvas.getContext("2d")!.scale(ratio, ratio);
      pad.clear();
      if (strokes.current?.length) pad.fromData(toGroups(strokes.current, rect));
    };
    fit();
    pad.addEventListener("endStroke", () => {
      strokes.current = toStrokes(pad.toData(), canvas.getBoundingClientRect());
      change.current(strokes.current);
    });
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    padRef.current = pad;
    return () => {
      observer.disconnect();
      pad.off();
    };
  }, []);

  return (
    <div>
      <canvas
        ref={canvasRef}
        id={id}
        role="img"
        aria-label={value?.length ? "Signature captured" : "Signature pad: sign here"}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "aspect-[3/1] w-full max-w-[600px] touch-none rounded-md border bg-white",
          invalid ? "border-red-400" : "border-slate-300",
        )}
      />
      <div className="mt-1 flex max-w-[600px] items-center justify-between text-xs text-slate-500">
        <span>{value?.length ? "Signed." : "The physician signs above to acknowledge the samples."}</span>
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            padRef.current?.clear();
            strokes.current = undefined;
            onChange(undefined);
          }}
        >
          <Eraser /> Clear
        </Button>
      </div>
    </div>
  );
}

/** A stored signature drawn back as lines on the pad's grid. */
export function SignatureImage({ strokes, className }: { strokes: Strokes; className?: string }) {
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="The physician's signature"
      className={cn("aspect-[3/1] w-full max-w-[360px] rounded-md border border-slate-200 bg-white", className)}
    >
      {strokes.map((s, i) =>
        s.length === 2 ? (
          <circle key={i} cx={s[0]} cy={s[1]} r={1.5} fill="#0f172a" />
        ) : (
          <polyline
            key={i}
            points={s.join(" ")}
            fill="none"
            stroke="#0f172a"
            strokeWidth={2}
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        ),
      )}
    </svg>
  );
}
