"use client";

import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { QueryState } from "~/components/query-state";
import { useTypedSearch } from "~/lib/use-typed-search";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { GripVertical, KanbanSquare } from "lucide-react";
import Link from "next/link";
import { parseAsString, useQueryStates } from "nuqs";
import { useState } from "react";

import { ADOPTION_STAGES, STAGE_TITLES, type AdoptionStage } from "@pharmacrm/domain/adoption-input";
import { Card, cn, EmptyState, Input, Label, Select, toast } from "@pharmacrm/ui";

type Board = RouterOutputs["adoption"]["board"];
type StageCard = Board["stages"][number]["cards"][number];
interface Move {
  card: StageCard;
  from: AdoptionStage;
  to: AdoptionStage;
}

/**
 * The adoption board for one of the org's products: the physicians in the viewer's territories as cards across
 * the stages. Drag a card by its handle to another column, or use its "Move to" list (keyboard, screen readers);
 * the move shows at once, is saved (refused if someone moved the card first), and can be undone from the toast.
 */
export function AdoptionBoard() {
  const trpc = useTRPC();
  const [params, setParams] = useQueryStates(
    { product: parseAsString.withDefault(""), q: parseAsString.withDefault("") },
    { history: "replace" },
  );
  const products = useQuery(trpc.viewer.products.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  // A product the address names that is not one of the org's (deleted, another org's, mistyped): the first instead.
  const named = products.data?.find((p) => p.id === params.product);
  const productId = named?.id ?? products.data?.[0]?.id ?? "";
  const [q, setQ] = useTypedSearch(params.q, (text) => void setParams({ q: text || null }));
  const board = useQuery({
    ...trpc.adoption.board.queryOptions({ productId, q: params.q || undefined }),
    enabled: Boolean(productId),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="grid gap-4">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Adoption board</h1>
        <p className="mt-1 text-sm text-slate-500">
          Where each physician in your territories stands with a product. Drag a card by its handle to another stage, or
          choose the stage on the card; every move is recorded.{" "}
          <Link href="/accounts" className="text-brand-700 hover:underline">
            My accounts
          </Link>
        </p>
      </div>
      <Card className="flex flex-wrap items-end gap-3 p-4" role="search" aria-label="Choose the board">
        <div>
          <Label htmlFor="adoption-product">Product</Label>
          <Select
            id="adoption-product"
            value={productId}
            onChange={(e) => void setParams({ product: e.target.value || null })}
          >
            {(products.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="min-w-56 flex-1">
          <Label htmlFor="adoption-q">Find a physician</Label>
          <Input id="adoption-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
      </Card>
      {products.isError ? (
        <QueryState query={products} what="your products">
          {() => null}
        </QueryState>
      ) : products.data && products.data.length === 0 ? (
        <Card>
          <EmptyState
            icon={<KanbanSquare />}
            title="Your organisation has no products yet"
            description="An admin adds them on the Products screen; each gets its own board."
          />
        </Card>
      ) : (
        <QueryState query={board} what="the board" rows={6}>
          {(data) => (
            <Columns
              // Another product's board starts afresh: no moves of the last one shown as pending here.
              key={data.product.id}
              board={data}
              stale={board.isPlaceholderData}
              searching={Boolean(params.q)}
            />
          )}
        </QueryState>
      )}
    </div>
  );
}

function Columns({ board, stale, searching }: { board: Board; stale: boolean; searching: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const move = useMutation(trpc.adoption.move.mutationOptions());
  // Moves shown before the server has them: npi → the stage and the move's token, dropped (by that move only) once
  // the board is fetched again. A card with a move in flight cannot be moved again until it lands.
  const [pending, setPending] = useState<ReadonlyMap<string, { stage: AdoptionStage; token: symbol }>>(new Map());
  const [dragged, setDragged] = useState<StageCard | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.adoption.board.pathKey() });

  const send = async ({ card, from, to }: Move, undoable = true) => {
    if (from === to || stale || pending.has(card.npi)) return;
    const token = Symbol(card.npi);
    setPending((p) => new Map(p).set(card.npi, { stage: to, token }));
    try {
      await move.mutateAsync({ npi: card.npi, productId: board.product.id, from, stage: to });
      toast.success(`${card.name}: ${STAGE_TITLES[to]} for ${board.product.name}`, {
        action: undoable ? { label: "Undo", onClick: () => void send({ card, from: to, to: from }, false) } : undefined,
        duration: 10_000,
      });
    } catch (error) {
      toast.error(`${card.name} was not moved`, { description: messageOf(error) });
    } finally {
      await refresh();
      setPending((p) => {
        if (p.get(card.npi)?.token !== token) return p;
        const next = new Map(p);
        next.delete(card.npi);
        return next;
      });
      // The card is drawn in another column now: give the keyboard back to its list once that has rendered.
      setTimeout(() => {
        if (document.activeElement === document.body)
          document.querySelector<HTMLElement>(`[data-move="${card.npi}"]`)?.focus();
      }, 0);
    }
  };

  // Each card once, in the column of its pending move if it has one.
  const all = board.stages.flatMap((s) => s.cards.map((card) => ({ card, stage: s.stage })));
  const columns = board.stages.map((s) => {
    const moved = pending.size
      ? all.filter(({ card, stage }) => (pending.get(card.npi)?.stage ?? stage) === s.stage).map(({ card }) => card)
      : s.cards;
    const delta = moved.length - s.cards.length;
    return { ...s, cards: moved, total: s.total + delta };
  });
  const stageOf = (npi: string) => all.find((c) => c.card.npi === npi)?.stage;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const from = stageOf(String(active.id));
    const card = all.find((c) => c.card.npi === active.id)?.card;
    if (!over || !from || !card) return;
    void send({ card, from, to: over.id as AdoptionStage });
  };

  return (
    <DndContext
      sensors={sensors}
      // The column under the pointer, not the one the lifted card overlaps most.
      collisionDetection={pointerWithin}
      onDragStart={({ active }) => setDragged(all.find((c) => c.card.npi === active.id)?.card ?? null)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={onDragEnd}
    >
      <div
        className="grid grid-cols-[repeat(5,minmax(12.5rem,1fr))] gap-3 overflow-x-auto pb-2"
        aria-busy={move.isPending}
      >
        {columns.map((column) => (
          <Column
            key={column.stage}
            column={column}
            searching={searching}
            moving={(npi) => stale || pending.has(npi)}
            onMove={send}
          />
        ))}
      </div>
      <DragOverlay>{dragged ? <CardBody card={dragged} lifted /> : null}</DragOverlay>
    </DndContext>
  );
}

function Column({
  column,
  searching,
  moving,
  onMove,
}: {
  column: Board["stages"][number];
  searching: boolean;
  moving: (npi: string) => boolean;
  onMove: (move: Move) => Promise<void>;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const hidden = column.total - column.cards.length;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={`stage-${column.stage}`}
      data-testid={`stage-${column.stage}`}
      className={cn(
        "flex max-h-[70vh] min-h-40 min-w-0 flex-col rounded-lg border bg-slate-50",
        isOver ? "border-brand-400 bg-brand-50" : "border-slate-200",
      )}
    >
      <h2
        id={`stage-${column.stage}`}
        className="flex items-baseline justify-between px-3 pt-3 pb-2 text-sm font-semibold"
      >
        {column.title}
        <span className="text-xs font-normal text-slate-500">{column.total.toLocaleString("en-US")}</span>
      </h2>
      <ul className="grid gap-2 overflow-y-auto px-2 pb-2">
        {column.cards.map((card) => (
          <DraggableCard key={card.npi} card={card} stage={column.stage} disabled={moving(card.npi)} onMove={onMove} />
        ))}
      </ul>
      {column.cards.length === 0 ? (
        <p className="px-3 pb-3 text-xs text-slate-400">{searching ? "Nobody here matches." : "Nobody here yet."}</p>
      ) : null}
      {hidden > 0 ? (
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
          {hidden.toLocaleString("en-US")} more not shown; find one by name above.
        </p>
      ) : null}
    </section>
  );
}

function DraggableCard({
  card,
  stage,
  disabled,
  onMove,
}: {
  card: StageCard;
  stage: AdoptionStage;
  disabled: boolean;
  onMove: (move: Move) => Promise<void>;
}) {
  // The handle is for the mouse and touch; keyboards and screen readers use the card's list, so it is hidden from them.
  const { listeners, setNodeRef, isDragging } = useDraggable({ id: card.npi, disabled });
  return (
    <li ref={setNodeRef} className={cn("min-w-0", isDragging && "opacity-40")} data-testid="adoption-card">
      <CardBody
        card={card}
        handle={
          <button
            type="button"
            className="cursor-grab touch-none text-slate-400 hover:text-slate-700"
            aria-label={`Drag ${card.name}`}
            aria-hidden
            data-drag-handle
            tabIndex={-1}
            {...listeners}
          >
            <GripVertical className="size-4" aria-hidden />
          </button>
        }
        menu={
          <Select
            aria-label={`Move ${card.name} to`}
            data-move={card.npi}
            className="h-7 w-auto py-0 text-xs"
            disabled={disabled}
            value={stage}
            onChange={(e) => void onMove({ card, from: stage, to: e.target.value as AdoptionStage })}
          >
            {ADOPTION_STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_TITLES[s]}
              </option>
            ))}
          </Select>
        }
      />
    </li>
  );
}

function CardBody({
  card,
  handle,
  menu,
  lifted = false,
}: {
  card: StageCard;
  handle?: React.ReactNode;
  menu?: React.ReactNode;
  lifted?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex gap-2 rounded-md border border-slate-200 bg-white p-2 text-sm",
        lifted && "rotate-1 shadow-lg",
      )}
    >
      {handle ?? <GripVertical className="size-4 text-slate-400" aria-hidden />}
      <div className="min-w-0 flex-1">
        <Link href={`/physicians/${card.npi}`} className="block truncate font-medium text-brand-700 hover:underline">
          {card.name}
          {card.credential ? `, ${card.credential}` : ""}
        </Link>
        <p className="truncate text-xs text-slate-500">
          {[
            card.specialty,
            card.city,
            card.tier ? `Tier ${card.tier}` : null,
            card.decile ? `Decile ${card.decile}` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {card.since ? (
          <p className="text-xs text-slate-400">
            since {new Date(card.since).toLocaleDateString("en-US", { day: "numeric", month: "short" })}
          </p>
        ) : null}
        {menu ? <div className="mt-1">{menu}</div> : null}
      </div>
    </div>
  );
}
