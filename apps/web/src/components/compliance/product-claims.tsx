"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LocalDateTime } from "~/components/local-time";
import { blankAsNull, showFieldErrors } from "~/lib/form-errors";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { addClaimInput } from "@pharmacrm/domain/compliance-input";
import {
  Badge,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  FieldError,
  Input,
  Label,
  Spinner,
  Textarea,
} from "@pharmacrm/ui";

import type { Notice } from "./compliance-screen";

type Product = RouterOutputs["compliance"]["library"]["products"][number];

const count = (n: number) => `${n} approved claim${n === 1 ? "" : "s"}`;

/** One product's approved claims, each withdrawable, and the form to add one. */
export function ProductClaimsCard({ product, onDone }: { product: Product; onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
  const withdraw = useMutation(
    trpc.compliance.withdrawClaim.mutationOptions({
      onSuccess: () => {
        onDone({ tone: "success", text: `The claim is withdrawn from ${product.name}.` });
        void refresh();
      },
      onError: (error) => onDone({ tone: "danger", text: messageOf(error) }),
    }),
  );
  return (
    <Card aria-labelledby={`claims-${product.id}`} data-testid={`claims-${product.name}`}>
      <CardHeader className="block">
        <CardTitle id={`claims-${product.id}`} className="flex items-center gap-2">
          {product.name} {product.active ? null : <Badge tone="neutral">Inactive</Badge>}
        </CardTitle>
        <CardDescription>
          {product.claims.length
            ? count(product.claims.length)
            : "No approved claims: any sentence saying what it does is flagged."}
        </CardDescription>
      </CardHeader>
      {product.claims.length ? (
        <ul className="divide-y divide-slate-100 px-4">
          {product.claims.map((c) => (
            <li key={c.id} className="flex items-start gap-3 py-2 text-sm">
              <div className="grow">
                <p className="text-slate-900">“{c.text}”</p>
                <p className="text-xs text-slate-500">
                  {c.reference ? `${c.reference} · ` : ""}
                  {c.addedBy ? `added by ${c.addedBy} on ` : "added on "}
                  <LocalDateTime value={c.addedAt} />
                </p>
              </div>
              <Button
                size="sm"
                variant="ghost"
                disabled={withdraw.isPending}
                aria-label={`Withdraw the claim “${c.text.slice(0, 40)}”`}
                onClick={() => {
                  if (window.confirm(`Withdraw this ${product.name} claim? Drafts quoting it will be flagged.`))
                    withdraw.mutate({ id: c.id });
                }}
              >
                Withdraw
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <AddClaimForm product={product} onDone={onDone} onAdded={() => void refresh()} />
    </Card>
  );
}

function AddClaimForm({
  product,
  onDone,
  onAdded,
}: {
  product: Product;
  onDone: (notice: Notice) => void;
  onAdded: () => void;
}) {
  const trpc = useTRPC();
  const add = useMutation(trpc.compliance.addClaim.mutationOptions());
  const form = useForm<z.input<typeof addClaimInput>, unknown, z.output<typeof addClaimInput>>({
    resolver: zodResolver(addClaimInput),
    defaultValues: { productId: product.id, text: "", reference: null },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((values) =>
    add.mutateAsync(values).then(
      () => {
        onDone({ tone: "success", text: `The claim is approved for ${product.name}.` });
        form.reset({ productId: product.id, text: "", reference: null });
        onAdded();
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  const messages = [errors.text?.message, errors.reference?.message].filter((m): m is string => Boolean(m));
  return (
    <form
      aria-label={`Add a ${product.name} claim`}
      className="grid gap-2 border-t border-slate-100 p-4"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="grid gap-2 md:grid-cols-[1fr_14rem]">
        <div>
          <Label htmlFor={`claim-text-${product.id}`}>New claim, as reps may quote it</Label>
          <Textarea
            id={`claim-text-${product.id}`}
            rows={2}
            aria-invalid={errors.text ? true : undefined}
            {...form.register("text")}
          />
        </div>
        <div>
          <Label htmlFor={`claim-ref-${product.id}`}>Reference (label section, study)</Label>
          <Input
            id={`claim-ref-${product.id}`}
            aria-invalid={errors.reference ? true : undefined}
            {...form.register("reference", { setValueAs: blankAsNull })}
          />
        </div>
      </div>
      <FieldError messages={messages.length ? messages : null} />
      <div>
        <Button type="submit" variant="secondary" size="sm" disabled={isSubmitting}>
          {isSubmitting ? <Spinner /> : null} Approve claim
        </Button>
      </div>
    </form>
  );
}
