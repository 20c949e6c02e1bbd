import "server-only";
import { db } from "@/lib/db";

/** Cluster names, alphabetically: suggestions for the upload form. */
export async function getClusterNames(): Promise<string[]> {
  const clusters = await db.cluster.findMany({ select: { name: true }, orderBy: { name: "asc" } });
  return clusters.map((cluster) => cluster.name);
}
