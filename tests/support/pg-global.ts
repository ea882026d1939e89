import type { TestProject } from "vitest/node";
import { startPgCluster, type PgCluster } from "../../scripts/lib/pg-cluster";

let cluster: PgCluster | undefined;

/** Starts the run's throwaway PostgreSQL cluster (roles faultlines_owner and faultlines_reader). */
export async function setup(project: TestProject) {
  cluster = await startPgCluster();
  project.provide("pg", { port: cluster.port });
}

export function teardown() {
  cluster?.stop();
}
