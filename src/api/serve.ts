// The public API of `fenjie serve`: the pipeline behind a local web page (upload, review, correct, build, download).
export { startServer, type ServeOptions } from '../serve/server.js';
