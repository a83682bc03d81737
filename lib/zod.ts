/**
 * zod, set up for the extension: every module that builds a schema imports `z` from here, so that this
 * runs before any schema exists. zod compiles object checks with `new Function` when it may, and decides
 * so when a schema is built; the extension's CSP forbids eval, so each such decision would log a refused
 * eval. The interpreted checks are as fast for our messages and files.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
