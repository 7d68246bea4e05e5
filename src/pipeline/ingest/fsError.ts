/** A file-system error as the few words a user needs, e.g. "permission denied". */
export function describeFsError(err: unknown, missing = 'no such file'): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return missing;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  if (code === 'ENOTDIR') return 'a part of the path is a file';
  if (code === 'EROFS') return 'read-only file system';
  return (err as Error)?.message ?? String(err);
}
