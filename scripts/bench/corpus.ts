import { writeSyntheticCorpus } from "../lib/synthetic-corpus";
import { add, type Section } from "./context";

/** Writes a synthetic content folder: actors, issues, articles and annotations whose quotes resolve. */
export const corpus: Section = {
  name: "corpus",
  async run(ctx) {
    const started = performance.now();
    const { events, actors, issues, articles, seed } = ctx.options;
    const c = (ctx.corpus = writeSyntheticCorpus(ctx.contentDir, { events, actors, issues, articles, seed }));
    add(ctx, "corpus", "events", c.events, "count");
    add(ctx, "corpus", "actors", c.actors, "count");
    add(ctx, "corpus", "issues", c.issues, "count");
    add(ctx, "corpus", "articles", c.articles, "count");
    add(ctx, "corpus", "paragraphs", c.paragraphs, "count");
    add(ctx, "corpus", "evidence quotes", c.quotes, "count");
    add(ctx, "corpus", `events of ${c.topActor} (the filter)`, c.topActorEvents, "count");
    add(ctx, "corpus", "content files", c.bytes, "bytes");
    add(ctx, "corpus", "generation time", performance.now() - started, "ms");
  },
};
