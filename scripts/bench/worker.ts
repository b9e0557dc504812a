/**
 * A worker thread of the engine benchmark: builds one engine (named in workerData) and runs the batches the main
 * thread asks for, timing each itself (see timing.ts). No GC is forced between batches: each batch pays for the
 * garbage of its own engine, as a long-running server would.
 */
import { parentPort, workerData } from "node:worker_threads";
import { makeSubject, type SubjectName } from "./subjects";
import { runBatch, sink, warmUp, type Reply, type Request } from "./timing";

const port = parentPort;
if (!port) throw new Error("scripts/bench/worker.ts runs only as a worker thread");
const subject = makeSubject((workerData as { subject: SubjectName }).subject);

port.on("message", (req: Request) => {
  const reply = (r: Reply) => port.postMessage(r);
  switch (req.kind) {
    case "warmup":
      void warmUp(subject, req.ms, req.batchMs, req.pool).then((size) => reply({ kind: "size", size }));
      break;
    case "batch":
      void runBatch(subject, req.start, req.n, req.pool).then((ns) => reply({ kind: "ns", ns }));
      break;
    case "checksum":
      reply({ kind: "checksum", value: sink() });
      break;
  }
});
port.postMessage({ kind: "ready" } satisfies Reply);
