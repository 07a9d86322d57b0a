"use client";

// Toasts: sonner (the toast shadcn/ui recommends) in our colours. `<Toaster />` once in the app's shell; `toast()`
// anywhere in the browser; a toast with an action (Undo) is given a longer duration by its caller.
import { Toaster as Sonner, toast } from "sonner";

export { toast };

export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "border border-slate-200 bg-white text-slate-900 shadow-lg",
          description: "text-slate-600",
          actionButton: "!bg-brand-600 !text-white",
        },
      }}
    />
  );
}
