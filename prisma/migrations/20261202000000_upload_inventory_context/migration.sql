-- The inventory context (ConfigMap sizes, RuntimeClasses, Nodes, PVCs, engines) an upload was
-- scored with, so it can be re-scored under a newer catalog. NULL for uploads stored before.
ALTER TABLE "Upload" ADD COLUMN "inventoryContext" TEXT;
