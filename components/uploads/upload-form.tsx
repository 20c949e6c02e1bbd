"use client";

import { useId, useRef, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { InputError } from "@/lib/inventory/types";
import { cn } from "@/lib/utils";
import { formatBytes, formatErrorLocation } from "@/lib/format";

export interface TargetOption {
  id: string;
  title: string;
}

export interface UploadFormProps {
  clusterNames: string[];
  targets: TargetOption[];
  defaultTarget: string;
  maxBytes: number;
}

type Phase = { kind: "idle" } | { kind: "uploading"; loaded: number; total: number } | { kind: "processing" };

interface Problem {
  message: string;
  errors?: InputError[];
  fieldErrors?: Record<string, string[] | undefined>;
  duplicateOf?: number;
}

interface UploadResponse {
  uploadId?: number;
  error?: string;
  errors?: InputError[];
  fieldErrors?: Record<string, string[] | undefined>;
  duplicateOf?: number;
}

const CLUSTER_STORAGE_KEY = "kata-readiness:cluster";

// Remembering the cluster is a convenience: a browser that blocks site data throws on any localStorage
// access (even reading the property), and the form must work without it.
function readRememberedCluster(): string {
  try {
    return window.localStorage.getItem(CLUSTER_STORAGE_KEY) ?? "";
  } catch {
    return "";
  }
}

function rememberCluster(name: string): void {
  try {
    window.localStorage.setItem(CLUSTER_STORAGE_KEY, name);
  } catch {
    // Site data blocked: nothing is remembered.
  }
}

// localStorage is read through useSyncExternalStore so the server render and hydration agree.
function subscribeToStorage(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

function useRememberedCluster(): string {
  return useSyncExternalStore(subscribeToStorage, readRememberedCluster, () => "");
}

function subscribeToNothing() {
  return () => {};
}

// False during the server render and hydration: the form only works once React handles its events.
function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

function fileKey(file: File): string {
  return `${file.name}:${file.size}:${file.lastModified}`;
}

export function UploadForm({ clusterNames, targets, defaultTarget, maxBytes }: UploadFormProps) {
  const router = useRouter();
  const ids = { cluster: useId(), clusters: useId(), target: useId(), files: useId(), status: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const rememberedCluster = useRememberedCluster();
  const [typedCluster, setTypedCluster] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [problem, setProblem] = useState<Problem | null>(null);

  const cluster = typedCluster ?? rememberedCluster;
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const isHydrated = useIsHydrated();
  const isBusy = phase.kind !== "idle" || !isHydrated;

  function onAddFiles(list: FileList | null) {
    // Copy now: clearing the input afterwards empties the live FileList.
    const added = Array.from(list ?? []);
    if (added.length === 0) return;
    setProblem(null);
    setFiles((current) => {
      const seen = new Set(current.map(fileKey));
      return [...current, ...added.filter((file) => !seen.has(fileKey(file)))];
    });
  }

  function onRemoveFile(key: string) {
    setFiles((current) => current.filter((file) => fileKey(file) !== key));
  }

  function onDrop(event: React.DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    if (!isBusy) onAddFiles(event.dataTransfer.files);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const clusterName = String(form.get("cluster") ?? "").trim();
    if (files.length === 0) return setProblem({ message: "Choose one or more inventory files first." });
    if (!clusterName) return setProblem({ message: "Give the cluster a name.", fieldErrors: { cluster: ["Cluster name is required."] } });
    if (totalBytes > maxBytes) {
      return setProblem({
        message: `These files add up to ${formatBytes(totalBytes)}, over the ${formatBytes(maxBytes)} limit of one upload.`,
      });
    }

    const body = new FormData();
    body.set("cluster", clusterName);
    body.set("target", String(form.get("target") ?? defaultTarget));
    for (const file of files) body.append("files", file, file.name);

    // XMLHttpRequest, not fetch: only XHR reports upload progress in browsers.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.responseType = "json";
    xhr.upload.onprogress = (progress) => {
      if (progress.lengthComputable) setPhase({ kind: "uploading", loaded: progress.loaded, total: progress.total });
    };
    xhr.upload.onload = () => setPhase({ kind: "processing" });
    xhr.onerror = () => {
      setPhase({ kind: "idle" });
      setProblem({ message: "The upload did not reach the server. Check the connection and try again." });
    };
    xhr.onload = () => {
      const response = (xhr.response ?? {}) as UploadResponse;
      if (xhr.status === 201 && response.uploadId) {
        rememberCluster(clusterName);
        setPhase({ kind: "processing" });
        router.push(`/uploads/${response.uploadId}`);
        return;
      }
      setPhase({ kind: "idle" });
      setProblem({
        message: response.error ?? `The server answered ${xhr.status}.`,
        errors: response.errors,
        fieldErrors: response.fieldErrors,
        duplicateOf: response.duplicateOf,
      });
    };
    setProblem(null);
    setPhase({ kind: "uploading", loaded: 0, total: totalBytes });
    xhr.send(body);
  }

  return (
    <form onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-6" noValidate>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          if (!isBusy) setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed border-slate-300 bg-white px-6 py-10 text-center",
          isDragging && "border-sky-500 bg-sky-50",
        )}
      >
        <p className="text-sm text-slate-700">
          Drop inventory files here: <code>kubectl get … -o yaml|json</code>, manifests, <code>docker inspect</code>, Compose files.
        </p>
        <input
          ref={inputRef}
          id={ids.files}
          type="file"
          name="files"
          multiple
          aria-label="Inventory files"
          tabIndex={-1}
          disabled={isBusy}
          className="sr-only"
          onChange={(event) => {
            onAddFiles(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
        <Button type="button" variant="secondary" disabled={isBusy} onClick={() => inputRef.current?.click()}>
          Choose files
        </Button>
        <p className="text-xs text-slate-500">Up to {formatBytes(maxBytes)} per upload.</p>
      </div>

      {files.length > 0 ? (
        <section aria-label="Selected files" className="flex flex-col gap-2">
          <h2 className="text-sm font-semibold text-slate-700">
            {files.length} {files.length === 1 ? "file" : "files"}, {formatBytes(totalBytes)}
          </h2>
          <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {files.map((file) => (
              <li key={fileKey(file)} className="flex items-center justify-between gap-4 px-3 py-2 text-sm">
                <span className="min-w-0 truncate font-mono">{file.name}</span>
                <span className="flex items-center gap-3">
                  <span className="text-slate-500">{formatBytes(file.size)}</span>
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={isBusy}
                    aria-label={`Remove ${file.name}`}
                    onClick={() => onRemoveFile(fileKey(file))}
                  >
                    Remove
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.cluster} className="text-sm font-medium">
            Cluster
          </label>
          <input
            id={ids.cluster}
            name="cluster"
            list={ids.clusters}
            required
            autoComplete="off"
            placeholder="payments-prod"
            value={cluster}
            onChange={(event) => setTypedCluster(event.target.value)}
            aria-invalid={problem?.fieldErrors?.cluster ? true : undefined}
            className="min-w-0 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <datalist id={ids.clusters}>
            {clusterNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <p className="text-xs text-slate-500">A new upload of a cluster replaces its current snapshot.</p>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.target} className="text-sm font-medium">
            Target profile
          </label>
          <select
            id={ids.target}
            name="target"
            defaultValue={defaultTarget}
            className="min-w-0 rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.title} ({target.id})
              </option>
            ))}
          </select>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isBusy}>
          {phase.kind === "idle" ? "Upload and scan" : "Uploading…"}
        </Button>
        <UploadProgress phase={phase} statusId={ids.status} />
      </div>

      <div aria-live="polite" className="empty:hidden">
        {problem ? <UploadProblem problem={problem} /> : null}
      </div>
    </form>
  );
}

function UploadProgress({ phase, statusId }: { phase: Phase; statusId: string }) {
  if (phase.kind === "idle") return null;
  const percent = phase.kind === "processing" ? 100 : phase.total > 0 ? Math.round((phase.loaded / phase.total) * 100) : 0;
  return (
    <div className="flex min-w-64 flex-1 flex-col gap-1">
      <progress
        aria-labelledby={statusId}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        max={100}
        value={percent}
        className="h-2 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-600"
      />
      <p id={statusId} role="status" className="text-sm text-slate-600">
        {phase.kind === "processing"
          ? "Processing… scanning the workloads and saving the snapshot."
          : `Uploading… ${percent}% (${formatBytes(phase.loaded)} of ${formatBytes(phase.total)})`}
      </p>
    </div>
  );
}

function UploadProblem({ problem }: { problem: Problem }) {
  const fieldMessages = Object.values(problem.fieldErrors ?? {})
    .flat()
    .filter((message): message is string => Boolean(message));
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="font-medium">{problem.message}</p>
      {problem.duplicateOf ? (
        <p>
          <Link href={`/uploads/${problem.duplicateOf}`} className="underline">
            Open upload #{problem.duplicateOf}
          </Link>
        </p>
      ) : null}
      {fieldMessages.length > 0 ? (
        <ul className="list-disc pl-5">
          {fieldMessages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {problem.errors && problem.errors.length > 0 ? (
        <ul className="list-disc pl-5 font-mono text-xs">
          {problem.errors.map((error, index) => (
            <li key={index}>
              {formatErrorLocation(error)}: {error.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
