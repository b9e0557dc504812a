/**
 * The small part of autocannon 9 (which ships no types) that scripts/bench-api.ts uses: a programmatic run that
 * resolves with its result. Declared here rather than adding a @types package.
 */
declare module "autocannon" {
  export interface Options {
    url: string;
    method?: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";
    headers?: Record<string, string>;
    body?: string;
    /** Concurrent connections. */
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    pipelining?: number;
    /** Requests each connection sends in turn; `path` is relative to `url`. */
    requests?: RequestSpec[];
  }

  export interface RequestSpec {
    method?: Options["method"];
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called with every response, its status and its whole body. */
    onResponse?: (status: number, body: string) => void;
  }

  /** Percentiles of a histogram (latency in milliseconds, requests per one-second sample). */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
  }

  export interface Result {
    url: string;
    connections: number;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram & { totalCount: number };
    requests: Histogram & { sent: number };
    throughput: Histogram;
  }

  /** Runs the load and resolves with the result when `duration` is over. */
  function autocannon(options: Options): PromiseLike<Result> & { stop(): void };
  export default autocannon;
}
