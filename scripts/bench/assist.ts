import { runAssistEval } from "../../lib/assist/eval";
import { toolEnv } from "../../lib/env";
import { add, type Section } from "./context";

/**
 * The draft assist scored against the reviewed annotations (`npm run assist:eval`, the four figures of issue 12): on
 * the real content, not the synthetic corpus, whose sentences are not written to be read. A figure below its goal is
 * flagged.
 */
export const assist: Section = {
  name: "assist",
  async run(ctx) {
    const started = performance.now();
    const report = await runAssistEval(toolEnv().FAULTLINES_CONTENT);
    for (const f of report.figures) {
      const measure =
        f.unit === "%" ? `${f.measure}: ${f.hit}/${f.of}, goal ${f.goal}` : `${f.measure}, goal ${f.goal}`;
      add(ctx, "assist", measure, f.value, f.unit, !f.met);
    }
    add(ctx, "assist", "eval time (both articles)", performance.now() - started, "ms");
  },
};
