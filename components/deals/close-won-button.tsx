"use client";

import { useState, useTransition } from "react";
import { markClosedWonAction } from "@/app/(app)/deals/[id]/actions";
import { Button } from "@/components/ui/button";

export function CloseWonButton({ dealId }: { dealId: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await markClosedWonAction({ dealId });
            if (result && !result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Closing…" : "Mark closed-won"}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
