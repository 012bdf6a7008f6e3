/** Where the bytes of an attached file live: files/attachments/<id> next to the workspace's database, for every file table. */
import { join } from 'node:path';
import type { ServiceContext } from './context.js';

export function attachmentPath(ctx: Pick<ServiceContext, 'filesDir'>, id: string): string {
  return join(ctx.filesDir, 'attachments', id);
}
