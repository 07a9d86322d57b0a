// How many procedures one HTTP request may batch. The server refuses more with a 400 (without it one request
// could ask for thousands of queries); the browser's batch link splits at the same size, so the app never hits it.
// A screen batches at most a dozen queries today.
export const MAX_BATCH_SIZE = 25;
