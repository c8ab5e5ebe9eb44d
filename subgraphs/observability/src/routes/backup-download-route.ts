import { access } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { archiveTarball } from '@switchyard/prisma/backup';
import type { Router } from 'express';
import { NotFoundError, authorize, sendRouteError, type ForwardedContext } from '@switchyard/shared';
import type { BackupRepository } from '../data/repositories.ts';

/** The archive of a backup as .tar.gz, through the gateway's /exports (its file name names this subgraph). */
export const BACKUP_DOWNLOAD_PATH = '/exports/observability.tar.gz';

export const backupDownloadPath = (id: string) => `${BACKUP_DOWNLOAD_PATH}?backup=${encodeURIComponent(id)}`;

/**
 * `GET /exports/observability.tar.gz?backup=<id>`: the backup folder, gzipped and tarred as it is
 * read (nothing is written or buffered). Signed-in admins only: an archive holds every record of
 * every subgraph, password hashes included.
 */
export function mountBackupDownloadRoute(router: Router, backups: BackupRepository): void {
  router.get(BACKUP_DOWNLOAD_PATH, async (req, res, next) => {
    let localPath: string;
    let id: string;
    try {
      authorize((res.locals.forwarded as ForwardedContext).principal, { role: 'ADMIN', scope: null, userOnly: true });
      id = typeof req.query.backup === 'string' ? req.query.backup : '';
      const backup = id ? await backups.findById(id) : null;
      if (!backup || backup.status !== 'SUCCEEDED' || !backup.localPath) throw new NotFoundError('Backup', id);
      localPath = backup.localPath;
      await access(localPath).catch(() => {
        throw new NotFoundError('Backup', id);
      });
    } catch (error) {
      sendRouteError(res, error, next);
      return;
    }
    res.setHeader('content-type', 'application/gzip');
    res.setHeader('content-disposition', `attachment; filename="${id}.tar.gz"`);
    res.setHeader('cache-control', 'no-store');
    try {
      await pipeline(archiveTarball(localPath), res);
    } catch (error) {
      // Headers are out: the client sees a reset connection, never a short file that looks complete.
      req.log.warn({ err: error }, 'backup download aborted');
      res.destroy();
    }
  });
}
