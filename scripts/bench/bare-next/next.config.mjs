// Next's defaults: the baseline page is what a new Next.js project serves.
const config = {};

export default config;
