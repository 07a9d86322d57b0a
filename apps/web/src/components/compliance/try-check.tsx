"use client";

import { useMutation } from "@tanstack/react-query";
import { fieldErrorsOf, messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { CircleCheck } from "lucide-react";
import { useState } from "react";

import {
  Alert,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  FieldError,
  Label,
  Select,
  Spinner,
  Textarea,
} from "@pharmacrm/ui";

type Product = RouterOutputs["compliance"]["library"]["products"][number];

/** A sentence checked as the copilot's drafts are, against the library as it stands: nothing is written. */
export function TryCheckCard({ products }: { products: Product[] }) {
  const trpc = useTRPC();
  const check = useMutation(trpc.compliance.check.mutationOptions());
  const [text, setText] = useState("");
  const [productId, setProductId] = useState("");
  const textErrors = fieldErrorsOf(check.error).text;
  return (
    <Card aria-labelledby="try-title">
      <CardHeader className="block">
        <CardTitle id="try-title">Check a sentence</CardTitle>
        <CardDescription>
          Write what a rep might send; it is checked against the library below as the copilot&apos;s drafts are.
        </CardDescription>
      </CardHeader>
      <form
        aria-label="Check a sentence"
        className="grid gap-2 px-4 pb-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          check.mutate({ text, productId: productId || null });
        }}
      >
        <div className="grid gap-2 md:grid-cols-[1fr_12rem]">
          <div>
            <Label htmlFor="try-text">Text</Label>
            <Textarea
              id="try-text"
              rows={2}
              value={text}
              aria-invalid={textErrors ? true : undefined}
              onChange={(e) => {
                setText(e.currentTarget.value);
                check.reset();
              }}
            />
          </div>
          <div>
            <Label htmlFor="try-product">About</Label>
            <Select
              id="try-product"
              value={productId}
              onChange={(e) => {
                setProductId(e.currentTarget.value);
                check.reset();
              }}
            >
              <option value="">No product in particular</option>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <FieldError messages={textErrors} />
        <div>
          <Button type="submit" variant="secondary" disabled={check.isPending}>
            {check.isPending ? <Spinner /> : null} Check
          </Button>
        </div>
        <div aria-live="polite" data-testid="check-result">
          {check.isError && !textErrors ? <Alert tone="danger">{messageOf(check.error)}</Alert> : null}
          {check.data ? (
            check.data.passed ? (
              <Alert tone="success" icon={<CircleCheck />}>
                Nothing to flag.
              </Alert>
            ) : (
              <ul className="grid gap-1.5 text-sm">
                {check.data.flags.map((f, i) => (
                  <li key={i} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
                    <p className="text-slate-900">“{f.sentence}”</p>
                    <p className="text-amber-800">{f.reason}</p>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      </form>
    </Card>
  );
}
