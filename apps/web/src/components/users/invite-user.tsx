"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { showFieldErrors } from "~/lib/form-errors";
import { roleLabel } from "~/lib/labels";
import { messageOf, useTRPC, type RouterOutputs } from "~/trpc/react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";

import { inviteUserInput } from "@pharmacrm/domain/password-link-input";
import { Button, Card, FieldError, Input, Label, Select, Spinner } from "@pharmacrm/ui";

import type { IssuedLink } from "./password-link";

type Notice = { tone: "success" | "danger"; text: string };
type Fields = z.input<typeof inviteUserInput>;

/** Adds a person: their account exists at once, and they choose their password through the link shown after. */
export function InviteUserCard({
  regions,
  onLink,
  onDone,
}: {
  regions: RouterOutputs["users"]["list"]["regions"];
  onLink: (link: IssuedLink) => void;
  onDone: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(trpc.users.invite.mutationOptions());
  const form = useForm<Fields, unknown, z.output<typeof inviteUserInput>>({
    resolver: zodResolver(inviteUserInput),
    defaultValues: { name: "", email: "", role: "rep", regionId: regions[0]?.id ?? null },
  });
  const role = useWatch({ control: form.control, name: "role" });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((values) =>
    invite.mutateAsync({ ...values, regionId: values.role === "manager" ? values.regionId : null }).then(
      (issued) => {
        onLink({ name: issued.name, purpose: "invite", token: issued.token, expiresAt: issued.expiresAt });
        form.reset({ ...form.getValues(), name: "", email: "" });
        void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
      },
      (error: unknown) => {
        if (!showFieldErrors(form, error)) onDone({ tone: "danger", text: messageOf(error) });
      },
    ),
  );
  const messages = [errors.name?.message, errors.email?.message, errors.regionId?.message].filter((m): m is string =>
    Boolean(m),
  );
  return (
    <Card className="p-4">
      <form aria-label="Invite a person" className="grid gap-2" noValidate onSubmit={(e) => void submit(e)}>
        <h2 className="text-sm font-semibold text-slate-900">Invite a person</h2>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-[1fr_1.3fr_8rem_10rem_auto] lg:items-end">
          <div>
            <Label htmlFor="invite-name">Name</Label>
            <Input id="invite-name" aria-invalid={errors.name ? true : undefined} {...form.register("name")} />
          </div>
          <div>
            <Label htmlFor="invite-email">Work email</Label>
            <Input
              id="invite-email"
              type="email"
              autoComplete="off"
              aria-invalid={errors.email ? true : undefined}
              {...form.register("email")}
            />
          </div>
          <div>
            <Label htmlFor="invite-role">Role</Label>
            <Select id="invite-role" {...form.register("role")}>
              {(["rep", "manager", "admin"] as const).map((r) => (
                <option key={r} value={r}>
                  {roleLabel[r]}
                </option>
              ))}
            </Select>
          </div>
          <div>
            {role === "manager" ? (
              <>
                <Label htmlFor="invite-region">Region</Label>
                <Select
                  id="invite-region"
                  aria-invalid={errors.regionId ? true : undefined}
                  {...form.register("regionId")}
                >
                  {regions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </Select>
              </>
            ) : (
              <p className="pb-2 text-xs text-slate-500">
                {role === "rep" ? "Territories: set on their row once invited." : "Sees the whole organisation."}
              </p>
            )}
          </div>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? <Spinner /> : null} Invite
          </Button>
        </div>
        <FieldError messages={messages.length ? messages : null} />
      </form>
    </Card>
  );
}
