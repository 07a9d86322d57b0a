"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryState } from "~/components/query-state";
import { showFieldErrors } from "~/lib/form-errors";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Pill } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { updateProductInput } from "@pharmacrm/domain/product-input";
import {
  Alert,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  Checkbox,
  EmptyState,
  FieldError,
  Input,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@pharmacrm/ui";

import { MarketsCard } from "./markets-card";

type Product = RouterOutputs["products"]["list"][number];
type Fields = z.input<typeof updateProductInput>;
type Notice = { tone: "success" | "danger"; text: string };

/** The org's products for its admins: who may sample them and within which limits, and which are active. */
export function ProductsScreen() {
  const trpc = useTRPC();
  const list = useQuery(trpc.products.list.queryOptions());
  const markets = useQuery(trpc.products.markets.queryOptions());
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Products</h1>
        <p className="mt-1 text-sm text-slate-500">
          Whether reps may leave samples of a product, and how many: at one call, and to one physician in a calendar
          year (submitting a call report checks both); whether it is active; and the market its share is counted in.
          Every change is in the audit trail.
        </p>
      </div>
      {notice ? (
        <Alert tone={notice.tone} data-testid="products-notice">
          {notice.text}
        </Alert>
      ) : null}
      <QueryState query={list} what="the products">
        {(products) =>
          products.length === 0 ? (
            <Card>
              <EmptyState
                icon={<Pill />}
                title="No products yet"
                description="Your organisation has no products on record."
              />
            </Card>
          ) : (
            <Card className="overflow-hidden">
              <CardHeader>
                <div>
                  <CardTitle>{products.length} products</CardTitle>
                  <CardDescription>Empty limits mean no limit beyond 500 units at a call.</CardDescription>
                </div>
              </CardHeader>
              <Table aria-label="Products">
                <TableHeader>
                  <TableRow>
                    <TableHead>Product</TableHead>
                    <TableHead>Sampled</TableHead>
                    <TableHead>Per call</TableHead>
                    <TableHead>Per physician a year</TableHead>
                    <TableHead>Active</TableHead>
                    <TableHead>Market</TableHead>
                    <TableHead />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {products.map((p) => (
                    <ProductRow
                      // Mounted again once the markets arrive, so the market picker shows the product's market.
                      key={`${p.id}-${p.sampleLimitPerCall}-${p.sampleLimitPerYear}-${p.sampleable}-${p.active}-${p.marketId}-${markets.isSuccess}`}
                      product={p}
                      markets={markets.data ?? []}
                      onDone={setNotice}
                    />
                  ))}
                </TableBody>
              </Table>
            </Card>
          )
        }
      </QueryState>
      {markets.isError ? (
        <Alert tone="danger">Could not load the markets: {messageOf(markets.error)}</Alert>
      ) : markets.data ? (
        <MarketsCard markets={markets.data} onDone={setNotice} />
      ) : null}
    </div>
  );
}

const limitValue = (v: unknown) => (v === "" || v === null || v === undefined ? null : Number(v));

function ProductRow({
  product,
  markets,
  onDone,
}: {
  product: Product;
  markets: RouterOutputs["products"]["markets"];
  onDone: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.products.update.mutationOptions());
  const form = useForm<Fields, unknown, z.output<typeof updateProductInput>>({
    resolver: zodResolver(updateProductInput),
    defaultValues: {
      id: product.id,
      sampleable: product.sampleable,
      sampleLimitPerCall: product.sampleLimitPerCall,
      sampleLimitPerYear: product.sampleLimitPerYear,
      active: product.active,
      marketId: product.marketId,
    },
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const save = form.handleSubmit((values) =>
    update.mutateAsync(values).then(
      () => {
        onDone({ tone: "success", text: `${product.name} is saved.` });
        void queryClient.invalidateQueries({ queryKey: trpc.products.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.viewer.products.queryKey() });
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  const messages = [errors.sampleLimitPerCall?.message, errors.sampleLimitPerYear?.message].filter((m): m is string =>
    Boolean(m),
  );
  return (
    <TableRow data-testid={`product-${product.name}`}>
      <TableCell>
        <p className="font-medium text-slate-900">{product.name}</p>
        <p className="text-xs text-slate-500">
          {[product.genericName?.toLowerCase(), product.market].filter(Boolean).join(" · ")}
        </p>
      </TableCell>
      <TableCell>
        <Checkbox aria-label={`Sample ${product.name}`} {...form.register("sampleable")} />
      </TableCell>
      <TableCell>
        <Input
          aria-label={`${product.name} units per call`}
          inputMode="numeric"
          className="w-24"
          placeholder="No limit"
          aria-invalid={errors.sampleLimitPerCall ? true : undefined}
          {...form.register("sampleLimitPerCall", { setValueAs: limitValue })}
        />
      </TableCell>
      <TableCell>
        <Input
          aria-label={`${product.name} units per physician a year`}
          inputMode="numeric"
          className="w-28"
          placeholder="No limit"
          aria-invalid={errors.sampleLimitPerYear ? true : undefined}
          {...form.register("sampleLimitPerYear", { setValueAs: limitValue })}
        />
        <FieldError messages={messages.length ? messages : null} />
      </TableCell>
      <TableCell>
        <Checkbox aria-label={`${product.name} is active`} {...form.register("active")} />
      </TableCell>
      <TableCell>
        <Select
          aria-label={`${product.name} market`}
          className="h-8 w-44"
          {...form.register("marketId", { setValueAs: (v: unknown) => (v ? String(v) : null) })}
        >
          <option value="">No market</option>
          {markets.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </TableCell>
      <TableCell className="text-right">
        {isDirty ? (
          <Button size="sm" disabled={isSubmitting} onClick={() => void save()}>
            {isSubmitting ? <Spinner /> : null} Save
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
