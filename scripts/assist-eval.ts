// npm run assist:eval [-- --content <dir>]: the draft assist scored against the reviewed annotations.
import { parseArgs } from "node:util";
import { formatAssistEval, runAssistEval } from "../lib/assist/eval";

const { values } = parseArgs({ options: { content: { type: "string", default: "content" } } });
console.log(formatAssistEval(await runAssistEval(values.content)));
