"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { formatCalendarDate } from "~/lib/format";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { Check, ListTodo, Pencil, Plus, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo, useState } from "react";

import {
  Alert,
  Badge,
  Button,
  Card,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@pharmacrm/ui";

import { SortableHeader } from "../data-table/sortable-head";
import { EditTaskForm, NewTaskForm } from "./task-form";

type Board = RouterOutputs["task"]["list"];
type Task = Board["tasks"][number];

const STATUSES = ["open", "overdue", "done", "all"] as const;
const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  open: "Open",
  overdue: "Overdue",
  done: "Done",
  all: "All",
};
const boardParams = {
  status: parseAsStringLiteral(STATUSES).withDefault("open"),
  whose: parseAsStringLiteral(["mine", "team"] as const).withDefault("mine"),
};

/** The viewer's tasks and their team's: create, edit or reschedule, complete; overdue ones marked. */
export function TasksScreen({ role }: { role: "rep" | "manager" | "admin" }) {
  const trpc = useTRPC();
  const [{ status, whose }, setParams] = useQueryStates(boardParams, { history: "replace" });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const board = useQuery(trpc.task.list.queryOptions({ status, whose }));

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Tasks</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-500">
            {role === "rep"
              ? "Your to-dos, and your territories' (yours to change, a colleague's to read)."
              : "Your to-dos and your team's. A task you create for a rep is theirs; you can change or complete it too."}
          </p>
        </div>
        {!creating ? (
          <Button onClick={() => setCreating(true)}>
            <Plus aria-hidden /> New task
          </Button>
        ) : null}
      </div>
      {creating ? (
        <Card className="p-4">
          <NewTaskForm onDone={() => setCreating(false)} />
        </Card>
      ) : null}
      {editing ? (
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold text-slate-900">Edit “{editing.title}”</h2>
          <EditTaskForm
            key={editing.id}
            task={{ id: editing.id, title: editing.title, details: editing.details, dueDate: editing.dueDate }}
            onDone={() => setEditing(null)}
          />
        </Card>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label="Which tasks" className="inline-flex rounded-md ring-1 ring-slate-300">
          {STATUSES.map((value) => (
            <Button
              key={value}
              size="sm"
              variant={status === value ? "primary" : "ghost"}
              aria-pressed={status === value}
              onClick={() => void setParams({ status: value })}
            >
              {STATUS_LABELS[value]}
            </Button>
          ))}
        </div>
        <div role="group" aria-label="Whose tasks" className="inline-flex rounded-md ring-1 ring-slate-300">
          {(["mine", "team"] as const).map((value) => (
            <Button
              key={value}
              size="sm"
              variant={whose === value ? "primary" : "ghost"}
              aria-pressed={whose === value}
              onClick={() => void setParams({ whose: value })}
            >
              {value === "mine" ? "Mine" : role === "rep" ? "My territories" : "My team"}
            </Button>
          ))}
        </div>
      </div>
      {board.isError && !board.data ? (
        <Card>
          <ErrorState
            icon={<TriangleAlert />}
            title="Could not load the tasks"
            message={messageOf(board.error)}
            onRetry={() => void board.refetch()}
          />
        </Card>
      ) : board.isPending ? (
        <Card className="space-y-2 p-4" role="status">
          <span className="sr-only">Loading the tasks…</span>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-8 w-full" />
          ))}
        </Card>
      ) : (
        <TaskTable board={board.data} status={status} whose={whose} onEdit={setEditing} />
      )}
    </div>
  );
}

function TaskTable({
  board,
  status,
  whose,
  onEdit,
}: {
  board: Board;
  status: (typeof STATUSES)[number];
  whose: "mine" | "team";
  onEdit: (task: Task) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sorting, setSorting] = useState<SortingState>([]);
  const complete = useMutation(
    trpc.task.complete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.task.pathKey() }),
    }),
  );
  const columns = useMemo<ColumnDef<Task>[]>(
    () => [
      {
        id: "title",
        header: "Task",
        accessorFn: (t) => t.title,
        cell: ({ row }) => (
          <div>
            <p className="font-medium text-slate-900">{row.original.title}</p>
            {row.original.details ? <p className="text-xs text-slate-500">{row.original.details}</p> : null}
          </div>
        ),
      },
      {
        id: "physician",
        header: "Physician",
        accessorFn: (t) => t.physician ?? "",
        cell: ({ row }) =>
          row.original.npi ? (
            <Link href={`/physicians/${row.original.npi}`} className="text-brand-700 hover:underline">
              {row.original.physician}
            </Link>
          ) : (
            <span className="text-slate-400">—</span>
          ),
      },
      {
        id: "owner",
        header: "Owner",
        accessorFn: (t) => t.ownerName,
        cell: ({ row }) => (
          <span>
            {row.original.mine ? "You" : row.original.ownerName}
            {row.original.createdById !== row.original.ownerId && row.original.createdByName ? (
              <span className="block text-xs text-slate-500">from {row.original.createdByName}</span>
            ) : null}
          </span>
        ),
      },
      {
        id: "due",
        header: status === "done" ? "Done on" : "Due",
        accessorFn: (t) => (status === "done" ? t.completedAt?.toString() : t.dueDate) ?? "",
        cell: ({ row }) => {
          const t = row.original;
          if (t.status === "done")
            return <span className="text-slate-600">Done {formatCalendarDate(t.completedAt ?? null)}</span>;
          if (t.status === "cancelled") return <Badge tone="neutral">Cancelled</Badge>;
          if (!t.dueDate) return <span className="text-slate-400">No date</span>;
          return t.overdue ? (
            <Badge tone="danger">Overdue since {formatCalendarDate(t.dueDate)}</Badge>
          ) : (
            <span>{formatCalendarDate(t.dueDate)}</span>
          );
        },
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        cell: ({ row }) =>
          row.original.canChange ? (
            <div className="flex justify-end gap-1">
              <Button
                size="sm"
                variant="ghost"
                onClick={() => onEdit(row.original)}
                aria-label={`Edit ${row.original.title}`}
              >
                <Pencil aria-hidden /> Edit
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={complete.isPending && complete.variables?.id === row.original.id}
                onClick={() => complete.mutate({ id: row.original.id })}
                aria-label={`Complete ${row.original.title}`}
              >
                <Check aria-hidden /> Done
              </Button>
            </div>
          ) : null,
      },
    ],
    [complete, onEdit, status],
  );
  // TanStack Table hands back fresh functions each render; the React Compiler leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: board.tasks,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (t) => t.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  if (board.tasks.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<ListTodo />}
          title={status === "overdue" ? "Nothing overdue" : status === "done" ? "No task done yet" : "No tasks here"}
          description={
            whose === "mine" ? "Create one above, or ask the copilot (“remind me to call Dr Patel Friday”)." : undefined
          }
        />
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden" aria-labelledby="tasks-title">
      <CardHeader>
        <div>
          <CardTitle id="tasks-title">{STATUS_LABELS[status]} tasks</CardTitle>
          <CardDescription>
            {board.tasks.length} {board.tasks.length === 1 ? "task" : "tasks"}
            {board.more ? " shown, the soonest due first; narrow the list to see others" : ""}.
          </CardDescription>
        </div>
      </CardHeader>
      {complete.isError ? (
        <div className="px-4 pb-2">
          <Alert tone="danger">{messageOf(complete.error)}</Alert>
        </div>
      ) : null}
      <Table aria-label="Tasks">
        <SortableHeader table={table} />
        <TableBody>
          {table.getRowModel().rows.map((row) => (
            <TableRow key={row.id} data-testid="task-row" className={row.original.overdue ? "bg-red-50/40" : undefined}>
              {row.getVisibleCells().map((cell) => (
                <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
