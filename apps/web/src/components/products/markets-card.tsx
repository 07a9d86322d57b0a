"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { blankAsNull, showFieldErrors } from "~/lib/form-errors";
import { fieldErrorsOf, messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { X } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { createMarketInput } from "@pharmacrm/domain/market-input";
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
} from "@pharmacrm/ui";

type Market = RouterOutputs["products"]["markets"][number];
type Notice = { tone: "success" | "danger"; text: string };

/** The org's markets: the Part D drugs each product's share is counted against. */
export function MarketsCard({ markets, onDone }: { markets: Market[]; onDone: (notice: Notice) => void }) {
  return (
    <Card aria-labelledby="markets-title">
      <CardHeader className="block">
        <CardTitle id="markets-title">Markets</CardTitle>
        <CardDescription>
          A product&apos;s share is its Part D claims over its market&apos;s: the drugs listed here, named as CMS&apos;s
          Part D data names them. Analytics, search and the physician pages count with them as they stand.
        </CardDescription>
      </CardHeader>
      <ul className="divide-y divide-slate-100">
        {markets.map((m) => (
          <MarketRow key={m.id} market={m} onDone={onDone} />
        ))}
      </ul>
      <NewMarketForm onDone={onDone} />
    </Card>
  );
}

function MarketRow({ market, onDone }: { market: Market; onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [brand, setBrand] = useState("");
  const typed = brand.trim();
  const suggestions = useQuery(
    trpc.products.brands.queryOptions({ q: typed }, { enabled: typed.length >= 2, staleTime: 60_000 }),
  );
  const refresh = () => queryClient.invalidateQueries();
  const add = useMutation(
    trpc.products.addMarketDrug.mutationOptions({
      onSuccess: (drug) => {
        onDone({ tone: "success", text: `${drug.brandName} is in ${market.name}.` });
        setBrand("");
        void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.products.removeMarketDrug.mutationOptions({
      onSuccess: (drug) => {
        onDone({ tone: "success", text: `${drug.brandName} is no longer in ${market.name}.` });
        void refresh();
      },
      onError: (error) => onDone({ tone: "danger", text: messageOf(error) }),
    }),
  );
  const addError = add.error ? (fieldErrorsOf(add.error).brandName ?? [messageOf(add.error)]) : null;
  const listId = `brands-${market.id}`;
  return (
    <li className="grid gap-2 px-4 py-3" data-testid={`market-${market.name}`}>
      <div className="flex flex-wrap items-baseline gap-2">
        <p className="font-medium text-slate-900">{market.name}</p>
        <p className="text-xs text-slate-500">
          {[market.therapeuticArea, market.products.length ? `share of ${market.products.join(", ")}` : "no product"]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </div>
      <ul className="flex flex-wrap gap-1.5" aria-label={`Drugs in ${market.name}`}>
        {market.drugs.map((d) => (
          <li key={d.brandName}>
            <Badge tone={d.isOwn ? "brand" : "neutral"} className="gap-1 pr-1" title={d.genericName}>
              {d.brandName}
              {d.isOwn ? (
                <span className="pr-1 text-[10px] uppercase">yours</span>
              ) : (
                <button
                  type="button"
                  className="rounded p-0.5 hover:bg-slate-200"
                  aria-label={`Take ${d.brandName} out of ${market.name}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ marketId: market.id, brandName: d.brandName })}
                >
                  <X className="size-3" aria-hidden />
                </button>
              )}
            </Badge>
          </li>
        ))}
        {market.drugs.length === 0 ? <li className="text-sm text-slate-500">No drugs yet.</li> : null}
      </ul>
      <form
        aria-label={`Add a drug to ${market.name}`}
        className="flex flex-wrap items-start gap-2"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ marketId: market.id, brandName: typed });
        }}
      >
        <div className="grid gap-1">
          <Input
            aria-label={`Part D brand name to add to ${market.name}`}
            className="w-64"
            placeholder="Part D brand, e.g. XARELTO"
            list={listId}
            value={brand}
            aria-invalid={addError ? true : undefined}
            onChange={(e) => {
              setBrand(e.currentTarget.value);
              add.reset();
            }}
          />
          <datalist id={listId}>
            {(suggestions.data ?? []).map((s) => (
              <option key={s.brandName} value={s.brandName}>
                {s.genericName ?? ""}
              </option>
            ))}
          </datalist>
          <FieldError messages={addError} />
        </div>
        <Button type="submit" size="sm" variant="secondary" disabled={add.isPending || typed.length < 2}>
          {add.isPending ? <Spinner /> : null} Add drug
        </Button>
      </form>
    </li>
  );
}

function NewMarketForm({ onDone }: { onDone: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.products.createMarket.mutationOptions());
  const form = useForm<z.input<typeof createMarketInput>, unknown, z.output<typeof createMarketInput>>({
    resolver: zodResolver(createMarketInput),
    defaultValues: { name: "", therapeuticArea: null },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutateAsync(values).then(
      (made) => {
        onDone({ tone: "success", text: `${made.name} is created: add its drugs, then choose it for a product.` });
        form.reset({ name: "", therapeuticArea: null });
        void queryClient.invalidateQueries({ queryKey: trpc.products.pathKey() });
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  const messages = [errors.name?.message, errors.therapeuticArea?.message].filter((m): m is string => Boolean(m));
  return (
    <form
      aria-label="New market"
      className="grid gap-2 border-t border-slate-100 p-4"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <Label htmlFor="market-name">New market</Label>
          <Input
            id="market-name"
            className="w-56"
            placeholder="Lipid lowering"
            aria-invalid={errors.name ? true : undefined}
            {...form.register("name")}
          />
        </div>
        <div>
          <Label htmlFor="market-area">Therapeutic area</Label>
          <Input
            id="market-area"
            className="w-48"
            placeholder="Cardiology"
            {...form.register("therapeuticArea", { setValueAs: blankAsNull })}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? <Spinner /> : null} Create market
        </Button>
      </div>
      <FieldError messages={messages.length ? messages : null} />
    </form>
  );
}
