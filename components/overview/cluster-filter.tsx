"use client";

import Form from "next/form";
import { useRef } from "react";

export interface ClusterFilterProps {
  clusters: string[];
  selected: string | null;
}

/** A GET form, so it works without JavaScript; with it, choosing a cluster navigates at once. */
export function ClusterFilter({ clusters, selected }: ClusterFilterProps) {
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <Form ref={formRef} action="/" className="flex items-center gap-2 text-sm">
      <label htmlFor="overview-cluster" className="font-medium text-slate-700">
        Cluster
      </label>
      <select
        id="overview-cluster"
        name="cluster"
        defaultValue={selected ?? ""}
        onChange={() => formRef.current?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
      >
        <option value="">All clusters</option>
        {clusters.map((cluster) => (
          <option key={cluster} value={cluster}>
            {cluster}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
          Apply
        </button>
      </noscript>
    </Form>
  );
}
